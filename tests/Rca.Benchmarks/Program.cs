using BenchmarkDotNet.Running;
using Rca.Benchmarks;

// --quick [SCENARIO ...] [--runs N]: Stopwatch timings in this process, without BenchmarkDotNet.
if (args.Length > 0 && args[0] == "--quick")
{
    var scenarios = new List<string>();
    var repetitions = 3;
    for (var i = 1; i < args.Length; i++)
    {
        if (args[i] == "--runs" && i + 1 < args.Length)
        {
            repetitions = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            scenarios.Add(args[i]);
        }
    }

    return QuickRun.Run(scenarios.Count > 0 ? scenarios : LocalizationScenario.All, repetitions, Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(LocalizeBenchmarks).Assembly).Run(args);
return 0;
