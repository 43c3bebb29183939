namespace Rca.Server.Incidents;

/// <summary>
/// The severity label of an incident from its relative change and the KPI's
/// <c>detection.minRelativeChange</c> C: high from 4·C, medium from 2·C, else low. These are the
/// relative-change limits of the detector's own severity levels. The z-score half of that rule
/// is not stored with the incident, so it is left out here.
/// </summary>
internal static class IncidentSeverity
{
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";

    public static readonly IReadOnlyList<string> All = [Low, Medium, High];

    public static string Of(double relativeChange, double minRelativeChange)
    {
        var change = Math.Abs(relativeChange);
        var limit = minRelativeChange > 0 ? minRelativeChange : 0.05;
        if (change >= 4 * limit)
        {
            return High;
        }

        return change >= 2 * limit ? Medium : Low;
    }

    /// <summary>Returns 1, 2 or 3 for low, medium and high; 0 for anything else.</summary>
    public static int Rank(string? severity) => severity switch
    {
        Low => 1,
        Medium => 2,
        High => 3,
        _ => 0,
    };
}
