using BenchmarkDotNet.Attributes;
using Rca.Detectors.Data;
using Rca.Detectors.Localization;

namespace Rca.Benchmarks;

/// <summary>PSqueeze localization of one leaf table per scenario, file reading and generation excluded.</summary>
[MemoryDiagnoser]
public class LocalizeBenchmarks
{
    private LeafTable _table = null!;
    private PSqueezeLocalizer _localizer = null!;

    [ParamsSource(nameof(Scenarios))]
    public string Scenario { get; set; } = LocalizationScenario.B0;

    public static IEnumerable<string> Scenarios => LocalizationScenario.All;

    [GlobalSetup]
    public void Setup()
    {
        _table = LocalizationScenario.Create(Scenario);
        _localizer = new PSqueezeLocalizer();
    }

    [Benchmark]
    public LocalizationResult Localize() => _localizer.Localize(_table);
}
