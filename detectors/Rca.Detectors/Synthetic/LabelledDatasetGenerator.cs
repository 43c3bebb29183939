using System.Text;
using Rca.Detectors.Data;

namespace Rca.Detectors.Synthetic;

/// <summary>
/// Generates labelled cases in the style of the Squeeze B0 data set. Every combination of
/// the attribute values is a leaf. Normal actual values are Weibull-distributed with a share
/// of zeros, and forecasts carry Gaussian relative noise. Each anomaly scales every
/// descendant leaf of one attribute combination by the same factor (the ripple effect).
/// </summary>
/// <remarks>
/// Anomalies of one case have no descendant in common and each has at least one leaf with a
/// non-zero forecast. The output depends only on the options and the random generator passed
/// in, so the same seed gives byte-identical files.
/// </remarks>
public static class LabelledDatasetGenerator
{
    private const int MaxAttemptsPerAnomaly = 10_000;

    /// <summary>The ground-truth file name of a written data set.</summary>
    public const string InjectionInfoFileName = "injection_info.csv";

    /// <summary>Generates one case in memory, drawing every number from <paramref name="random"/>.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="InvalidOperationException">No non-overlapping anomaly with a non-zero leaf could be placed.</exception>
    public static LabelledCase GenerateCase(LabelledDatasetOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        options.Validate();

        var dimensions = options.Dimensions.ToArray();
        var leafCount = 1;
        foreach (var size in dimensions)
        {
            leafCount *= size;
        }

        var codes = LeafCodes(dimensions, leafCount);
        var actual = new double[leafCount];
        var forecast = new double[leafCount];
        DrawNormalValues(options, random, actual, forecast);
        double[]? actualDenominator = null;
        double[]? forecastDenominator = null;
        if (options.Derived)
        {
            (actualDenominator, forecastDenominator) = (actual, forecast);
            (actual, forecast) = DrawNumerators(options, random, actualDenominator, forecastDenominator);
        }

        var anomalies = new List<InjectedAnomaly>();
        var placed = new List<int[]>();
        var count = random.Next(options.MinAnomalies, options.MaxAnomalies + 1);
        for (var i = 0; i < count; i++)
        {
            var fixedValues = PlaceAnomaly(options, random, dimensions, codes, forecast, placed);
            placed.Add(fixedValues);
            var severity = options.MinSeverity + (random.NextDouble() * (options.MaxSeverity - options.MinSeverity));
            var direction = options.Direction switch
            {
                AnomalyDirection.Random => random.Next(2) == 0 ? AnomalyDirection.Down : AnomalyDirection.Up,
                var fixedDirection => fixedDirection,
            };
            var factor = direction == AnomalyDirection.Down ? 1 - severity : 1 + severity;
            var descendants = 0;
            for (var leaf = 0; leaf < leafCount; leaf++)
            {
                if (IsDescendant(codes, leaf, fixedValues))
                {
                    actual[leaf] = actualDenominator is null
                        ? forecast[leaf] * factor
                        : actualDenominator[leaf] * LeafTable.Ratio(forecast[leaf], forecastDenominator![leaf]) * factor;
                    descendants++;
                }
            }

            anomalies.Add(new InjectedAnomaly(Combination(fixedValues), severity, direction, factor, descendants));
        }

        var names = new string[dimensions.Length];
        var dictionaries = new string[dimensions.Length][];
        for (var attribute = 0; attribute < dimensions.Length; attribute++)
        {
            names[attribute] = AttributeName(attribute);
            dictionaries[attribute] = new string[dimensions[attribute]];
            for (var value = 0; value < dimensions[attribute]; value++)
            {
                dictionaries[attribute][value] = ValueName(attribute, value);
            }
        }

        var kind = options.Derived ? MeasureKind.Derived : MeasureKind.Fundamental;
        var table = LeafTableEncoder.Create(kind, names, dictionaries, codes, actual, forecast, actualDenominator, forecastDenominator);
        return new LabelledCase(table, anomalies);
    }

    /// <summary>
    /// Writes <see cref="LabelledDatasetOptions.Cases"/> cases into <paramref name="directory"/>
    /// as <c>{timestamp}.csv</c> files (<c>.a.csv</c> and <c>.b.csv</c> pairs for a derived
    /// measure) plus <c>injection_info.csv</c> (<c>timestamp,set</c>),
    /// drawing from <c>new Random(options.Seed)</c>. Returns the paths written, case files first.
    /// </summary>
    /// <param name="directory">The folder to write to; created when missing.</param>
    /// <param name="options">The generator settings.</param>
    /// <param name="progress">Receives the number of cases written so far.</param>
    /// <param name="cancellationToken">Stops before the next case; <c>injection_info.csv</c> is then not written.</param>
    public static IReadOnlyList<string> Write(
        string directory,
        LabelledDatasetOptions options,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Directory.CreateDirectory(directory);
        var random = new Random(options.Seed);
        var paths = new List<string>(options.Cases + 1);
        var injectionInfo = new StringBuilder("timestamp,set\n");
        for (var index = 0; index < options.Cases; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var generated = GenerateCase(options, random);
            var timestamp = options.StartTimestamp + ((long)index * options.TimestampStep);
            if (options.Derived)
            {
                var numerator = Path.Combine(directory, timestamp + SqueezeCsvReader.NumeratorSuffix);
                var denominator = Path.Combine(directory, timestamp + SqueezeCsvReader.DenominatorSuffix);
                using (var numeratorWriter = CreateWriter(numerator))
                using (var denominatorWriter = CreateWriter(denominator))
                {
                    SqueezeCsvWriter.WriteDerived(generated.Table, numeratorWriter, denominatorWriter);
                }

                paths.Add(numerator);
                paths.Add(denominator);
            }
            else
            {
                var path = Path.Combine(directory, $"{timestamp}.csv");
                using (var writer = CreateWriter(path))
                {
                    SqueezeCsvWriter.Write(generated.Table, writer);
                }

                paths.Add(path);
            }

            injectionInfo.Append(timestamp).Append(',').Append(AttributeCombination.FormatSet(generated.GroundTruth)).Append('\n');
            progress?.Report(index + 1);
        }

        var infoPath = Path.Combine(directory, InjectionInfoFileName);
        File.WriteAllText(infoPath, injectionInfo.ToString(), new UTF8Encoding(false));
        paths.Add(infoPath);
        return paths;
    }

    private static StreamWriter CreateWriter(string path) =>
        new(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);

    /// <summary>Returns the name of an attribute by index: a, b, c, ….</summary>
    public static string AttributeName(int attribute) => ((char)('a' + attribute)).ToString();

    /// <summary>Returns the name of a value by attribute and value index: a1, a2, …, b1, ….</summary>
    public static string ValueName(int attribute, int value) => AttributeName(attribute) + (value + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Leaves enumerate the value grid in row-major order: the last attribute changes fastest.
    private static int[][] LeafCodes(int[] dimensions, int leafCount)
    {
        var codes = new int[dimensions.Length][];
        var stride = leafCount;
        for (var attribute = 0; attribute < dimensions.Length; attribute++)
        {
            stride /= dimensions[attribute];
            var column = new int[leafCount];
            for (var leaf = 0; leaf < leafCount; leaf++)
            {
                column[leaf] = leaf / stride % dimensions[attribute];
            }

            codes[attribute] = column;
        }

        return codes;
    }

    private static void DrawNormalValues(LabelledDatasetOptions options, Random random, double[] actual, double[] forecast)
    {
        var inverseShape = 1 / options.WeibullShape;
        for (var leaf = 0; leaf < actual.Length; leaf++)
        {
            if (random.NextDouble() < options.ZeroRate)
            {
                continue;
            }

            // Inverse-CDF Weibull sample; 1 − u avoids ln 0 because NextDouble is below 1.
            var value = options.WeibullScale * Math.Pow(-Math.Log(1 - random.NextDouble()), inverseShape);
            actual[leaf] = value;
            forecast[leaf] = Math.Max(0, value * (1 + (options.ForecastNoise * StandardNormal(random))));
        }
    }

    // Numerators of a derived measure: a forecast ratio per leaf in [0.2, 0.8], noise on the forecast.
    private static (double[] Actual, double[] Forecast) DrawNumerators(
        LabelledDatasetOptions options, Random random, double[] actualDenominator, double[] forecastDenominator)
    {
        var actual = new double[actualDenominator.Length];
        var forecast = new double[actualDenominator.Length];
        for (var leaf = 0; leaf < actual.Length; leaf++)
        {
            if (forecastDenominator[leaf] == 0 && actualDenominator[leaf] == 0)
            {
                continue;
            }

            var ratio = 0.2 + (0.6 * random.NextDouble());
            actual[leaf] = actualDenominator[leaf] * ratio;
            forecast[leaf] = Math.Max(0, forecastDenominator[leaf] * ratio * (1 + (options.ForecastNoise * StandardNormal(random))));
        }

        return (actual, forecast);
    }

    // Box–Muller transform; draws two uniforms per sample so the stream of draws stays simple.
    private static double StandardNormal(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    // Returns the value index fixed for each attribute (-1 for a wildcard) of a new anomaly.
    private static int[] PlaceAnomaly(
        LabelledDatasetOptions options, Random random, int[] dimensions, int[][] codes, double[] forecast, List<int[]> placed)
    {
        var maxLayer = Math.Min(options.MaxLayer, dimensions.Length);
        var attributes = new int[dimensions.Length];
        for (var attempt = 0; attempt < MaxAttemptsPerAnomaly; attempt++)
        {
            var layer = random.Next(1, maxLayer + 1);
            for (var i = 0; i < attributes.Length; i++)
            {
                attributes[i] = i;
            }

            // Partial Fisher–Yates shuffle: the first `layer` entries are the cuboid's attributes.
            for (var i = 0; i < layer; i++)
            {
                var j = random.Next(i, attributes.Length);
                (attributes[i], attributes[j]) = (attributes[j], attributes[i]);
            }

            var fixedValues = new int[dimensions.Length];
            Array.Fill(fixedValues, -1);
            for (var i = 0; i < layer; i++)
            {
                fixedValues[attributes[i]] = random.Next(dimensions[attributes[i]]);
            }

            if (!Overlaps(fixedValues, placed) && HasNonZeroLeaf(codes, forecast, fixedValues))
            {
                return fixedValues;
            }
        }

        throw new InvalidOperationException(
            $"Could not place anomaly {placed.Count + 1} within {MaxAttemptsPerAnomaly} draws: every candidate overlapped an earlier anomaly or had only zero leaves. Use fewer anomalies, a higher layer or a lower {nameof(LabelledDatasetOptions.ZeroRate)}.");
    }

    // Two combinations share descendants unless some attribute is fixed by both to different values.
    private static bool Overlaps(int[] candidate, List<int[]> placed)
    {
        foreach (var other in placed)
        {
            var disjoint = false;
            for (var attribute = 0; attribute < candidate.Length && !disjoint; attribute++)
            {
                disjoint = candidate[attribute] >= 0 && other[attribute] >= 0 && candidate[attribute] != other[attribute];
            }

            if (!disjoint)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasNonZeroLeaf(int[][] codes, double[] forecast, int[] fixedValues)
    {
        for (var leaf = 0; leaf < forecast.Length; leaf++)
        {
            if (forecast[leaf] > 0 && IsDescendant(codes, leaf, fixedValues))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDescendant(int[][] codes, int leaf, int[] fixedValues)
    {
        for (var attribute = 0; attribute < fixedValues.Length; attribute++)
        {
            if (fixedValues[attribute] >= 0 && codes[attribute][leaf] != fixedValues[attribute])
            {
                return false;
            }
        }

        return true;
    }

    private static AttributeCombination Combination(int[] fixedValues)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        for (var attribute = 0; attribute < fixedValues.Length; attribute++)
        {
            if (fixedValues[attribute] >= 0)
            {
                pairs.Add(new(AttributeName(attribute), ValueName(attribute, fixedValues[attribute])));
            }
        }

        return new AttributeCombination(pairs);
    }
}
