using System.Diagnostics;
using Rca.Contracts;
using Rca.Detectors.Data;
using Rca.Detectors.Localization;
using Rca.Server.Jobs;

namespace Rca.Server.Localizations;

/// <summary>
/// Runs a registered localizer on one leaf table and shapes the result for the API. The
/// external-cause threshold is the default one, because an upload has no incident history.
/// </summary>
internal sealed class AdHocLocalizer(IServiceProvider services)
{
    public static readonly IReadOnlyList<string> Algorithms = ["psqueeze", "squeeze"];

    /// <exception cref="InvalidOperationException">No localizer is registered under the algorithm name.</exception>
    public LocalizationResultDto Localize(LeafTable table, string algorithm, CancellationToken cancellationToken)
    {
        var localizer = services.GetKeyedService<IRootCauseLocalizer>(algorithm)
            ?? throw new InvalidOperationException($"No root-cause localizer is registered for algorithm '{algorithm}'.");
        var started = Stopwatch.GetTimestamp();
        var result = localizer.Localize(table, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var (actual, forecast) = table.Totals();
        var threshold = ExternalRootCauseRule.DefaultThreshold;
        return new LocalizationResultDto(
            table.LeafCount,
            actual,
            forecast,
            ExternalRootCauseClassifier.IsExternal(result, threshold),
            threshold,
            [.. result.RootCauseSets.Select(set => new RootCauseSetDto(
                [.. set.Combinations.Select(c => c.ToString())],
                set.Cuboid,
                set.Layer,
                set.Gps,
                set.Impact,
                set.ExplanatoryPower,
                set.Actual,
                set.Forecast))],
            elapsed.TotalMilliseconds);
    }
}
