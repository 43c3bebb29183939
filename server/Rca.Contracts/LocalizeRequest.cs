namespace Rca.Contracts;

/// <summary>
/// An ad-hoc localization: either an uploaded leaf table (<see cref="Attributes"/>,
/// <see cref="Measure"/>, <see cref="Leaves"/>) or one window of a stored KPI
/// (<see cref="Kpi"/>, <see cref="Time"/>).
/// </summary>
/// <param name="Attributes">The attribute names of the uploaded table.</param>
/// <param name="Measure"><c>sum</c> (fundamental) or <c>ratio</c> (derived: numerators and denominators).</param>
/// <param name="Leaves">The leaves of the uploaded table.</param>
/// <param name="Kpi">The KPI whose window is read from its source.</param>
/// <param name="Time">A time inside the window (aligned down to the KPI interval).</param>
/// <param name="Algorithm"><c>psqueeze</c> (default) or <c>squeeze</c>.</param>
public sealed record LocalizeRequest(
    IReadOnlyList<string>? Attributes,
    string? Measure,
    IReadOnlyList<UploadedLeaf>? Leaves,
    string? Kpi,
    DateTimeOffset? Time,
    string? Algorithm);
