using System.Globalization;
using System.Text;
using Rca.Server.Kpis;

namespace Rca.Server.Sources;

/// <summary>
/// Builds the Flux text that reads a KPI. Every configured name enters the query only as an
/// escaped string literal, so no configured text can change the pipeline.
/// </summary>
internal static class FluxQueryBuilder
{
    /// <summary>
    /// Builds <c>from |&gt; range |&gt; filter(measurement) |&gt; filter(fields) |&gt; group(tags, _field)
    /// |&gt; aggregateWindow(sum, createEmpty: true)</c>: one table per leaf and field, one row per window.
    /// </summary>
    /// <remarks>
    /// <c>timeSrc: "_start"</c> stamps each row with its window start, and <c>offset</c> shifts
    /// the epoch-aligned windows to start at <see cref="KpiWindowGrid.FromMs"/>. Empty windows
    /// have a null <c>_value</c>, which the reader turns into 0.
    /// </remarks>
    public static string BuildSumQuery(KpiDefinition kpi, string bucket, KpiWindowGrid grid)
    {
        var query = new StringBuilder(512);
        query.Append("from(bucket: ").Append(QuoteString(bucket)).Append(")\n");
        query.Append("  |> range(start: ").Append(FormatTime(grid.FromMs))
            .Append(", stop: ").Append(FormatTime(grid.EndMs)).Append(")\n");
        query.Append("  |> filter(fn: (r) => r._measurement == ").Append(QuoteString(kpi.Measurement)).Append(")\n");
        query.Append("  |> filter(fn: (r) => r._field == ").Append(QuoteString(kpi.Field));
        if (kpi.Measure == KpiMeasure.Ratio)
        {
            query.Append(" or r._field == ").Append(QuoteString(kpi.DenominatorField!));
        }

        query.Append(")\n");
        query.Append("  |> group(columns: [");
        foreach (var attribute in kpi.Attributes)
        {
            query.Append(QuoteString(attribute)).Append(", ");
        }

        query.Append("\"_field\"])\n");
        query.Append("  |> aggregateWindow(every: ").Append(InfluxQlQueryBuilder.FormatDuration(grid.IntervalMs));
        if (grid.OffsetMs != 0)
        {
            query.Append(", offset: ").Append(InfluxQlQueryBuilder.FormatDuration(grid.OffsetMs));
        }

        query.Append(", fn: sum, createEmpty: true, timeSrc: \"_start\")\n");
        return query.ToString();
    }

    /// <summary>
    /// Returns <paramref name="text"/> as a Flux string literal. Flux reads <c>\\</c>, <c>\"</c>,
    /// <c>\n</c>, <c>\r</c>, <c>\t</c> and <c>\$</c> as escapes and <c>${</c> as the start of
    /// interpolation, so backslash, quote, dollar and line breaks are escaped.
    /// </summary>
    /// <remarks>NOTE: these rules come from the Flux language's string literal syntax and have not been run against a Flux engine here.</remarks>
    public static string QuoteString(string text)
    {
        var quoted = new StringBuilder(text.Length + 2);
        quoted.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\':
                    quoted.Append(@"\\");
                    break;
                case '"':
                    quoted.Append("\\\"");
                    break;
                case '$':
                    quoted.Append(@"\$");
                    break;
                case '\n':
                    quoted.Append(@"\n");
                    break;
                case '\r':
                    quoted.Append(@"\r");
                    break;
                case '\t':
                    quoted.Append(@"\t");
                    break;
                default:
                    quoted.Append(c);
                    break;
            }
        }

        quoted.Append('"');
        return quoted.ToString();
    }

    private static string FormatTime(long unixMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
