using Rca.Detectors.Data;
using Rca.Detectors.Synthetic;

namespace Rca.Benchmarks;

/// <summary>
/// The leaf tables the localizer is timed on: one real B0 case and generated cases from the
/// labelled data set generator, with a fixed seed so that every run times the same input.
/// </summary>
internal static class LocalizationScenario
{
    /// <summary>The B0 case copied next to the benchmark assembly (21,600 leaves, four attributes).</summary>
    public const string B0 = "B0-21600";

    /// <summary>A generated case with the generator's default dimensions 10, 12, 10, 8, 5 (48,000 leaves).</summary>
    public const string Generated48k = "Gen-48000";

    public const string Generated10k = "Gen5-10000";
    public const string Generated100k = "Gen5-100000";
    public const string Generated1M = "Gen5-1000000";

    /// <summary>Every scenario, smallest first.</summary>
    public static readonly string[] All = [Generated10k, B0, Generated48k, Generated100k, Generated1M];

    private const string B0FileName = "b0-layer3-1450684200.csv";

    /// <summary>Builds the leaf table of a scenario.</summary>
    public static LeafTable Create(string scenario) => CreateWithTruth(scenario).Table;

    /// <summary>Builds the leaf table of a scenario with its ground truth, combinations joined by <c>;</c>.</summary>
    public static (LeafTable Table, string GroundTruth) CreateWithTruth(string scenario)
    {
        return scenario switch
        {
            B0 => (SqueezeCsvReader.Read(FindDataFile(B0FileName)), "a=a3&b=b11&d=d10"),
            Generated48k => Generate(new LabelledDatasetOptions()),
            Generated10k => Generate(new LabelledDatasetOptions { Dimensions = [4, 5, 5, 10, 10] }),
            Generated100k => Generate(new LabelledDatasetOptions { Dimensions = [10, 10, 10, 10, 10] }),
            Generated1M => Generate(new LabelledDatasetOptions { Dimensions = [10, 20, 20, 25, 10] }),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, $"Expected one of {string.Join(", ", All)}."),
        };
    }

    private static (LeafTable Table, string GroundTruth) Generate(LabelledDatasetOptions options)
    {
        var generated = LabelledDatasetGenerator.GenerateCase(options, new Random(20261204));
        return (generated.Table, AttributeCombination.FormatSet(generated.GroundTruth));
    }

    /// <summary>
    /// Finds a data file under Data/ beside the assembly or beside one of its parent folders,
    /// because BenchmarkDotNet runs a generated copy of this project from a subfolder of the output.
    /// </summary>
    private static string FindDataFile(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "Data", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Data/{name} was not found beside {AppContext.BaseDirectory} or its parent folders. Build the benchmark project first.", name);
    }
}
