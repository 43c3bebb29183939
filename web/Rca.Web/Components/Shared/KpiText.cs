using System.Globalization;
using Rca.Contracts;

namespace Rca.Web.Components.Shared;

/// <summary>
/// Short texts for KPI definitions, the same in every language because they use the seed file's terms.
/// </summary>
internal static class KpiText
{
    /// <summary>Returns <c>sum(field)</c> or <c>ratio(field / denominator)</c>.</summary>
    public static string Measure(KpiSummary kpi) =>
        kpi.Measure == "ratio" ? $"ratio({kpi.Field} / {kpi.DenominatorField})" : $"sum({kpi.Field})";

    /// <summary>Writes a length in seconds in its largest whole unit, such as <c>1m</c> or <c>90s</c>.</summary>
    public static string Seconds(double seconds)
    {
        var whole = (long)Math.Round(seconds);
        if (whole != seconds || whole == 0)
        {
            return seconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
        }

        return whole % 86400 == 0 ? $"{whole / 86400}d"
            : whole % 3600 == 0 ? $"{whole / 3600}h"
            : whole % 60 == 0 ? $"{whole / 60}m"
            : $"{whole}s";
    }
}
