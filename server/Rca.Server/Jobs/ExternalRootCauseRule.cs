namespace Rca.Server.Jobs;

/// <summary>
/// Decides whether an incident's cause probably lies outside the recorded attributes: no
/// root-cause set, or the smallest GPS among them below a threshold.
/// </summary>
internal static class ExternalRootCauseRule
{
    /// <summary>The threshold used when no histogram valley can be found.</summary>
    public const double DefaultThreshold = 0.8;

    /// <summary>
    /// Returns the minGps threshold from the minGps values of the KPI's recent incidents
    /// (newest first, at most 200).
    /// </summary>
    public static double Threshold(IReadOnlyList<double> recentMinGps) =>
        Rca.Detectors.Localization.ExternalRootCauseClassifier.Threshold(recentMinGps);

}
