using Rca.Detectors.Calibration;
using Rca.Detectors.Data;

namespace Rca.Detectors.Synthetic.Calibration;

/// <summary>
/// Generates the calibration aggregates of a ranking model, window by window, with injected
/// calibration drifts as ground truth.
/// </summary>
/// <remarks>
/// <para>
/// The constructor draws the population once: a traffic weight and a click-through-rate
/// multiplier per field value (both log-normal), a traffic weight per leaf and a base rate in
/// [<see cref="CalibrationStreamOptions.BaseCtrMin"/>, <see cref="CalibrationStreamOptions.BaseCtrMax"/>].
/// A leaf's true rate is the base rate times its values' multipliers, capped at 0.5.
/// </para>
/// <para>
/// Per window and leaf: impressions are the window total times the leaf's traffic share, with
/// Poisson noise; the prediction is the true rate times <c>1 + noise</c> (a calibrated model),
/// times the factor of any drift covering the leaf; labels are Binomial(impressions, true rate);
/// and with a label delay, only Binomial(labels, completion) of them have arrived at
/// <see cref="CalibrationStreamOptions.ObservedAt"/>. Rows carry <c>pred_sum = N·p</c> and
/// <c>pred_sq_sum = N·p²</c>, because every impression of a leaf has the same prediction. Leaves
/// with no impressions in a window have no row. The output depends only on the options and the
/// random generator.
/// </para>
/// </remarks>
public sealed class CalibrationStreamGenerator
{
    private const double MaxCtr = 0.5;

    private readonly CalibrationStreamOptions _options;
    private readonly Random _random;
    private readonly string[] _fieldNames;
    private readonly string[][] _values;
    private readonly int[][] _leafCodes;
    private readonly double[] _leafShare;
    private readonly double[] _leafCtr;

    /// <summary>Draws the population of a stream from <paramref name="random"/>.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public CalibrationStreamGenerator(CalibrationStreamOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        options.Validate();
        _options = options;
        _random = random;

        var fields = options.Fields;
        _fieldNames = [.. fields.Select(field => field.Name)];
        _values = [.. fields.Select(field => Enumerable.Range(0, field.ValueCount).Select(i => $"{field.Name}_{i}").ToArray())];
        var valueWeights = new double[fields.Count][];
        var valueMultipliers = new double[fields.Count][];
        for (var field = 0; field < fields.Count; field++)
        {
            valueWeights[field] = new double[fields[field].ValueCount];
            valueMultipliers[field] = new double[fields[field].ValueCount];
            for (var value = 0; value < valueWeights[field].Length; value++)
            {
                valueWeights[field][value] = LogNormal(options.ValueWeightSigma);
                valueMultipliers[field][value] = LogNormal(options.CtrMultiplierSigma);
            }
        }

        var leafCount = 1;
        foreach (var field in fields)
        {
            leafCount = checked(leafCount * field.ValueCount);
        }

        var baseCtr = options.BaseCtrMin + random.NextDouble() * (options.BaseCtrMax - options.BaseCtrMin);
        _leafCodes = new int[leafCount][];
        _leafShare = new double[leafCount];
        _leafCtr = new double[leafCount];
        double totalWeight = 0;
        for (var leaf = 0; leaf < leafCount; leaf++)
        {
            var codes = new int[fields.Count];
            var rest = leaf;
            var weight = LogNormal(options.LeafWeightSigma);
            var ctr = baseCtr;
            for (var field = fields.Count - 1; field >= 0; field--)
            {
                codes[field] = rest % fields[field].ValueCount;
                rest /= fields[field].ValueCount;
                weight *= valueWeights[field][codes[field]];
                ctr *= valueMultipliers[field][codes[field]];
            }

            _leafCodes[leaf] = codes;
            _leafShare[leaf] = weight;
            _leafCtr[leaf] = Math.Min(ctr, MaxCtr);
            totalWeight += weight;
        }

        for (var leaf = 0; leaf < leafCount; leaf++)
        {
            _leafShare[leaf] /= totalWeight;
        }
    }

    /// <summary>The field names of the stream.</summary>
    public IReadOnlyList<string> FieldNames => _fieldNames;

    /// <summary>Returns the expected share of impressions that falls in a segment.</summary>
    public double ImpressionShare(AttributeCombination segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var fixedCodes = Encode(segment);
        double share = 0;
        for (var leaf = 0; leaf < _leafShare.Length; leaf++)
        {
            if (Covers(fixedCodes, _leafCodes[leaf]))
            {
                share += _leafShare[leaf];
            }
        }

        return share;
    }

    /// <summary>
    /// Chooses random, pairwise disjoint segments of one layer, each with at least
    /// <paramref name="minShare"/> of the impressions. Two segments are disjoint when they fix
    /// one field to different values, so no impression is in both.
    /// </summary>
    /// <exception cref="InvalidOperationException">No such segments were found in 10 000 draws.</exception>
    public IReadOnlyList<AttributeCombination> ChooseSegments(int count, int layer, double minShare)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (layer < 1 || layer > _fieldNames.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"The layer must be between 1 and {_fieldNames.Length}.");
        }

        var chosen = new List<AttributeCombination>();
        for (var attempt = 0; attempt < 10_000 && chosen.Count < count; attempt++)
        {
            var fields = Enumerable.Range(0, _fieldNames.Length).OrderBy(_ => _random.Next()).Take(layer);
            var pairs = fields.Select(field => new KeyValuePair<string, string>(_fieldNames[field], _values[field][_random.Next(_values[field].Length)]));
            var candidate = new AttributeCombination(pairs);
            if (ImpressionShare(candidate) >= minShare && chosen.All(other => AreDisjoint(candidate, other)))
            {
                chosen.Add(candidate);
            }
        }

        if (chosen.Count < count)
        {
            throw new InvalidOperationException(
                $"Found only {chosen.Count} of {count} disjoint layer-{layer} segments with at least {minShare:P1} of the impressions.");
        }

        return chosen;
    }

    /// <summary>Generates every window with the given drifts injected.</summary>
    /// <exception cref="ArgumentException">A drift names an unknown field or value, has a factor that is not positive, or overlaps another drift.</exception>
    public CalibrationStream Generate(IReadOnlyList<CalibrationDrift> drifts)
    {
        ArgumentNullException.ThrowIfNull(drifts);
        var driftCodes = new int[drifts.Count][];
        for (var i = 0; i < drifts.Count; i++)
        {
            var drift = drifts[i];
            if (!(drift.Factor > 0 && double.IsFinite(drift.Factor)))
            {
                throw new ArgumentException($"Drift {i} ({drift.Segment}) has factor {drift.Factor}; expected a positive number.", nameof(drifts));
            }

            driftCodes[i] = Encode(drift.Segment);
            for (var j = 0; j < i; j++)
            {
                if (!AreDisjoint(drift.Segment, drifts[j].Segment))
                {
                    throw new ArgumentException($"Drifts {j} ({drifts[j].Segment}) and {i} ({drift.Segment}) overlap. Injected segments must be disjoint: fix one field to different values in each.", nameof(drifts));
                }
            }
        }

        var lastEnd = _options.Start + _options.WindowLength * _options.WindowCount;
        var observedAt = _options.ObservedAt ?? lastEnd;
        var windows = new CalibrationWindow[_options.WindowCount];
        for (var w = 0; w < windows.Length; w++)
        {
            windows[w] = GenerateWindow(w, drifts, driftCodes);
        }

        return new CalibrationStream(windows, [.. drifts], observedAt);
    }

    private CalibrationWindow GenerateWindow(int index, IReadOnlyList<CalibrationDrift> drifts, int[][] driftCodes)
    {
        var start = _options.Start + _options.WindowLength * index;
        var end = start + _options.WindowLength;
        var completion = 1.0;
        if (_options.LabelDelay is { } curve && _options.ObservedAt is { } observedAt)
        {
            completion = curve.WindowFraction(start, end, observedAt);
        }

        var total = _options.MeanImpressionsPerWindow * Math.Max(0.05, 1 + _options.TrafficVariation * CountSampler.StandardNormal(_random));
        var rows = new List<CalibrationRow>(_leafShare.Length);
        for (var leaf = 0; leaf < _leafShare.Length; leaf++)
        {
            var impressions = CountSampler.Poisson(_random, total * _leafShare[leaf]);
            if (impressions == 0)
            {
                continue;
            }

            var ctr = _leafCtr[leaf];
            var prediction = ctr * Math.Max(0.01, 1 + _options.PredictionNoise * CountSampler.StandardNormal(_random));
            for (var d = 0; d < drifts.Count; d++)
            {
                if (index >= drifts[d].FromWindow && Covers(driftCodes[d], _leafCodes[leaf]))
                {
                    prediction *= drifts[d].Factor;
                }
            }

            prediction = Math.Min(prediction, 1);
            var labels = CountSampler.Binomial(_random, impressions, ctr);
            var arrived = completion < 1 ? CountSampler.Binomial(_random, labels, completion) : labels;
            var values = new string[_fieldNames.Length];
            for (var field = 0; field < values.Length; field++)
            {
                values[field] = _values[field][_leafCodes[leaf][field]];
            }

            rows.Add(new CalibrationRow(values, null, impressions, arrived, impressions * prediction, impressions * prediction * prediction));
        }

        return new CalibrationWindow(_options.Model, start, _options.WindowLength, _fieldNames, rows);
    }

    private double LogNormal(double sigma) => Math.Exp(sigma * CountSampler.StandardNormal(_random));

    // The value code fixed for each field, or -1 for a field the segment leaves open.
    private int[] Encode(AttributeCombination segment)
    {
        var codes = new int[_fieldNames.Length];
        Array.Fill(codes, -1);
        foreach (var (name, value) in segment.Pairs)
        {
            var field = Array.IndexOf(_fieldNames, name);
            if (field < 0)
            {
                throw new ArgumentException($"Segment '{segment}' names field '{name}'; expected one of {string.Join(", ", _fieldNames)}.", nameof(segment));
            }

            codes[field] = Array.IndexOf(_values[field], value);
            if (codes[field] < 0)
            {
                throw new ArgumentException($"Segment '{segment}' names value '{value}', which field '{name}' does not have.", nameof(segment));
            }
        }

        return codes;
    }

    private static bool Covers(int[] fixedCodes, int[] leafCodes)
    {
        for (var field = 0; field < fixedCodes.Length; field++)
        {
            if (fixedCodes[field] >= 0 && fixedCodes[field] != leafCodes[field])
            {
                return false;
            }
        }

        return true;
    }

    private static bool AreDisjoint(AttributeCombination left, AttributeCombination right)
    {
        foreach (var (name, value) in left.Pairs)
        {
            var other = right[name];
            if (other is not null && other != value)
            {
                return true;
            }
        }

        return false;
    }
}
