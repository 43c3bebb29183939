using Rca.Detectors.Data;

namespace Rca.Detectors.Localization;

/// <summary>
/// A root-cause localizer: given one window of a multi-dimensional KPI, returns the attribute
/// combinations that explain the difference between actual values and forecasts.
/// </summary>
public interface IRootCauseLocalizer
{
    /// <summary>Localizes the root causes of one leaf table. The same input gives the same output.</summary>
    LocalizationResult Localize(LeafTable table, CancellationToken cancellationToken = default);
}
