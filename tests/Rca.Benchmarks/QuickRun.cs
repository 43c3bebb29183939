using System.Diagnostics;
using System.Globalization;
using Rca.Detectors.Localization;

namespace Rca.Benchmarks;

/// <summary>
/// A fast check without BenchmarkDotNet: localizes each scenario a few times in this process
/// and prints the mean time per step and the process's peak working set so far.
/// </summary>
internal static class QuickRun
{
    public static int Run(IReadOnlyList<string> scenarios, int repetitions, TextWriter output)
    {
        output.WriteLine($"{"scenario",-14} {"leaves",9} {"valid",9} {"runs",4} {"mean s",8} {"filter s",9} {"cluster s",9} {"search s",9} {"alloc MB",9} {"peak WS MB",10}  found / injected root cause");
        var localizer = new PSqueezeLocalizer();
        foreach (var scenario in scenarios)
        {
            var (table, groundTruth) = LocalizationScenario.CreateWithTruth(scenario);

            // One untimed run compiles the code paths with the tiered JIT before the timed runs.
            var result = localizer.Localize(table);
            double total = 0, filter = 0, clustering = 0, search = 0;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            for (var run = 0; run < repetitions; run++)
            {
                var stopwatch = Stopwatch.StartNew();
                result = localizer.Localize(table);
                total += stopwatch.Elapsed.TotalSeconds;
                filter += result.Timings.Filter.TotalSeconds;
                clustering += result.Timings.Clustering.TotalSeconds;
                search += result.Timings.Search.TotalSeconds;
            }

            var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)repetitions / (1024 * 1024);
            using var process = Process.GetCurrentProcess();
            var peak = process.PeakWorkingSet64 / (1024.0 * 1024.0);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{scenario,-14} {table.LeafCount,9} {result.ValidLeafCount,9} {repetitions,4} {total / repetitions,8:0.0000} {filter / repetitions,9:0.0000} {clustering / repetitions,9:0.0000} {search / repetitions,9:0.0000} {allocated,9:0.0} {peak,10:0}  {result.FormatRootCause()} / {groundTruth}"));
        }

        return 0;
    }
}
