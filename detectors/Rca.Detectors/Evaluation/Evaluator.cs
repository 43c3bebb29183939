using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Rca.Detectors.Data;
using Rca.Detectors.Localization;

namespace Rca.Detectors.Evaluation;

/// <summary>
/// Runs a localizer over labelled cases and scores it. The report has exact-match TP/FP/FN
/// per case and in total, the localization time per case (the localize call only, not file
/// reading) and memory. It also scores the external-root-cause flag against cases whose
/// ground truth names a missing attribute.
/// </summary>
public static class Evaluator
{
    /// <summary>
    /// Evaluates <paramref name="localize"/> on every case. Results are in case order and do
    /// not depend on <see cref="EvaluationOptions.Threads"/>, apart from the measured times.
    /// </summary>
    /// <param name="cases">The cases, each read when it is evaluated.</param>
    /// <param name="localize">The localizer under test.</param>
    /// <param name="options">Threads and the external threshold rule; null for the defaults.</param>
    /// <param name="progress">Receives the number of cases finished so far.</param>
    /// <param name="cancellationToken">Stops the run; passed on to the localizer.</param>
    /// <exception cref="InvalidDataFileException">A case file is malformed. When several are, the error of the first in case order is raised.</exception>
    /// <exception cref="InvalidOperationException">The localizer failed on a case; the message names the case.</exception>
    public static EvaluationReport Evaluate(
        IReadOnlyList<EvaluationCase> cases,
        Func<LeafTable, CancellationToken, LocalizationResult> localize,
        EvaluationOptions? options = null,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(localize);
        options ??= new EvaluationOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1, "options.Threads");

        var outcomes = new CaseOutcome[cases.Count];
        var errors = new Exception?[cases.Count];
        var finished = 0;
        var firstFailure = int.MaxValue;
        long peakManagedBytes = 0;
        var parallelOptions = new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken };
        Parallel.For(0, cases.Count, parallelOptions, index =>
        {
            // Cases after a failed one cannot change which error is raised, so they are skipped.
            // Cases before it still run, so the raised error is the same for any thread count.
            if (index > Volatile.Read(ref firstFailure))
            {
                return;
            }

            try
            {
                outcomes[index] = RunCase(cases[index], localize, cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                errors[index] = error;
                UpdateMin(ref firstFailure, index);
                return;
            }

            UpdateMax(ref peakManagedBytes, GC.GetTotalMemory(forceFullCollection: false));
            progress?.Report(Interlocked.Increment(ref finished));
        });

        foreach (var error in errors)
        {
            if (error is not null)
            {
                ExceptionDispatchInfo.Throw(error);
            }
        }

        using var process = Process.GetCurrentProcess();
        return EvaluationReportBuilder.Build(cases, outcomes, options.ExternalThreshold, process.PeakWorkingSet64, peakManagedBytes);
    }

    private static CaseOutcome RunCase(
        EvaluationCase evaluationCase,
        Func<LeafTable, CancellationToken, LocalizationResult> localize,
        CancellationToken cancellationToken)
    {
        var table = evaluationCase.Load();
        var externalTruth = evaluationCase.HasExternalGroundTruth(table);
        LocalizationResult result;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            result = localize(table, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new InvalidOperationException($"Localizing case {evaluationCase.Id} failed: {error.Message}", error);
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        var predicted = new SortedSet<AttributeCombination>();
        foreach (var set in result.RootCauseSets)
        {
            predicted.UnionWith(set.Combinations);
        }

        return new CaseOutcome([.. predicted], result.RootCauseSets.Count, result.MinGps, result.ExplainedShare, seconds, externalTruth);
    }

    private static void UpdateMin(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private static void UpdateMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}

/// <summary>What one case produced before the per-folder external decision.</summary>
internal sealed record CaseOutcome(
    IReadOnlyList<AttributeCombination> Predicted,
    int RootCauseSetCount,
    double MinGps,
    double ExplainedShare,
    double Seconds,
    bool ExternalGroundTruth);
