using System.Globalization;
using System.Text;
using Rca.Server.Kpis;

namespace Rca.Server.Sources;

/// <summary>
/// Builds the InfluxQL text that reads a KPI. Every identifier is double-quoted and escaped, and
/// numbers are formatted by the builder, so no configured text can end the statement or start
/// another one.
/// </summary>
internal static class InfluxQlQueryBuilder
{
    /// <summary>The column alias of the numerator sum.</summary>
    public const string ValueColumn = "v";

    /// <summary>The column alias of the denominator sum.</summary>
    public const string DenominatorColumn = "w";

    /// <summary>
    /// Builds <c>SELECT sum("f") AS "v"[, sum("d") AS "w"] FROM "db"."rp"."m" WHERE time &gt;= … AND
    /// time &lt; … GROUP BY time(interval[, offset]), "tag"… fill(0)</c>.
    /// </summary>
    /// <remarks>
    /// The offset aligns InfluxDB's time buckets, which start on multiples of the interval since
    /// the Unix epoch, with <see cref="KpiWindowGrid.FromMs"/>. <c>fill(0)</c> on InfluxDB 1.6.7
    /// fills empty windows only for tag combinations that have at least one point in the range;
    /// the reader fills the rest with 0.
    /// </remarks>
    public static string BuildSumQuery(KpiDefinition kpi, string database, string? retentionPolicy, KpiWindowGrid grid)
    {
        var query = new StringBuilder(256);
        query.Append("SELECT sum(").Append(QuoteIdentifier(kpi.Field)).Append(") AS ").Append(QuoteIdentifier(ValueColumn));
        if (kpi.Measure == KpiMeasure.Ratio)
        {
            query.Append(", sum(").Append(QuoteIdentifier(kpi.DenominatorField!)).Append(") AS ").Append(QuoteIdentifier(DenominatorColumn));
        }

        query.Append(" FROM ").Append(QuoteIdentifier(database)).Append('.');
        if (!string.IsNullOrEmpty(retentionPolicy))
        {
            query.Append(QuoteIdentifier(retentionPolicy));
        }

        query.Append('.').Append(QuoteIdentifier(kpi.Measurement));
        query.Append(" WHERE time >= ").Append(ToNanoseconds(grid.FromMs))
            .Append(" AND time < ").Append(ToNanoseconds(grid.EndMs));
        query.Append(" GROUP BY time(").Append(FormatDuration(grid.IntervalMs));
        if (grid.OffsetMs != 0)
        {
            query.Append(", ").Append(FormatDuration(grid.OffsetMs));
        }

        query.Append(')');
        foreach (var attribute in kpi.Attributes)
        {
            query.Append(", ").Append(QuoteIdentifier(attribute));
        }

        query.Append(" fill(0)");
        return query.ToString();
    }

    /// <summary>
    /// Returns <paramref name="identifier"/> as an InfluxQL double-quoted identifier. InfluxQL reads
    /// <c>\\</c>, <c>\"</c> and <c>\n</c> as escapes inside quotes and rejects a raw newline, so
    /// those three are escaped and everything else is kept as is. Tests run hostile names and a
    /// newline against InfluxDB 1.6.7.
    /// </summary>
    public static string QuoteIdentifier(string identifier)
    {
        var quoted = new StringBuilder(identifier.Length + 2);
        quoted.Append('"');
        foreach (var c in identifier)
        {
            switch (c)
            {
                case '\\':
                    quoted.Append(@"\\");
                    break;
                case '"':
                    quoted.Append("\\\"");
                    break;
                case '\n':
                    quoted.Append(@"\n");
                    break;
                default:
                    quoted.Append(c);
                    break;
            }
        }

        quoted.Append('"');
        return quoted.ToString();
    }

    /// <summary>Formats a duration in the largest of h, m, s and ms that divides it.</summary>
    public static string FormatDuration(long milliseconds)
    {
        var (amount, unit) = milliseconds switch
        {
            _ when milliseconds % 3_600_000 == 0 => (milliseconds / 3_600_000, "h"),
            _ when milliseconds % 60_000 == 0 => (milliseconds / 60_000, "m"),
            _ when milliseconds % 1_000 == 0 => (milliseconds / 1_000, "s"),
            _ => (milliseconds, "ms"),
        };
        return amount.ToString(CultureInfo.InvariantCulture) + unit;
    }

    private static string ToNanoseconds(long milliseconds) =>
        checked(milliseconds * 1_000_000).ToString(CultureInfo.InvariantCulture);
}
