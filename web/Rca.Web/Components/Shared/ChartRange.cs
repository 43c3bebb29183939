using Rca.Contracts;

namespace Rca.Web.Components.Shared;

/// <summary>
/// The part of an incident's total series that the chart draws.
/// </summary>
internal static class ChartRange
{
    /// <summary>
    /// Returns the index of the first point to draw: the first point with an actual or a forecast,
    /// but never after the incident window, so the window stays on the axis even without data.
    /// Returns 0 when no point has data and no point is at or after the incident window.
    /// </summary>
    public static int FirstShown(IReadOnlyList<TotalSeriesPoint> series, DateTimeOffset incidentWindowStart)
    {
        for (var i = 0; i < series.Count; i++)
        {
            var point = series[i];
            if (point.Actual is not null || point.Forecast is not null || point.WindowStart >= incidentWindowStart)
            {
                return i;
            }
        }

        return 0;
    }
}
