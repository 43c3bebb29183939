namespace Rca.Contracts;

/// <summary>
/// The result of an ad-hoc localization.
/// </summary>
/// <param name="LeafCount">The leaves in the table.</param>
/// <param name="Actual">The rolled-up actual total.</param>
/// <param name="Forecast">The rolled-up forecast total.</param>
/// <param name="External">Whether the cause probably lies outside the attributes (no set, or min GPS below <paramref name="ExternalThreshold"/>).</param>
/// <param name="ExternalThreshold">The min-GPS threshold used.</param>
/// <param name="RootCauseSets">The root-cause sets, by descending impact.</param>
/// <param name="Milliseconds">Time spent localizing.</param>
public sealed record LocalizationResultDto(
    int LeafCount,
    double Actual,
    double Forecast,
    bool External,
    double ExternalThreshold,
    IReadOnlyList<RootCauseSetDto> RootCauseSets,
    double Milliseconds);
