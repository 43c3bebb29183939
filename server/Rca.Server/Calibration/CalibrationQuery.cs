using System.Globalization;
using System.Text;
using Rca.Server.Sources;

namespace Rca.Server.Calibration;

/// <summary>
/// Builds the InfluxQL that reads a model's calibration aggregates: the sums of impressions,
/// labels, predictions and squared predictions per window and combination of field tags (and
/// bucket). Identifiers are double-quoted and the model value is a single-quoted string literal,
/// both escaped, so no configured text can end the statement.
/// </summary>
internal static class CalibrationQuery
{
    public const string ImpressionsColumn = "n";
    public const string LabelsColumn = "y";
    public const string PredictionSumColumn = "p";
    public const string PredictionSquareSumColumn = "q";

    /// <summary>
    /// Builds <c>SELECT sum("impressions") AS "n", sum("labels") AS "y", sum("pred_sum") AS "p",
    /// sum("pred_sq_sum") AS "q" FROM "db"."rp"."m" WHERE "model" = '…' AND time &gt;= … AND time &lt; …
    /// GROUP BY time(window), "field"…[, "bucket"] fill(none)</c>.
    /// </summary>
    /// <remarks>
    /// InfluxDB's time buckets start at multiples of the interval since the Unix epoch, as the
    /// model's windows do. <c>fill(none)</c> leaves out windows without points.
    /// </remarks>
    public static string Build(CalibrationModelOptions model, string database, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(database);
        if (to <= from)
        {
            throw new ArgumentException($"The range end {to:O} must be after its start {from:O}.", nameof(to));
        }

        var query = new StringBuilder(384);
        query.Append("SELECT ");
        AppendSum(query, "impressions", ImpressionsColumn).Append(", ");
        AppendSum(query, "labels", LabelsColumn).Append(", ");
        AppendSum(query, "pred_sum", PredictionSumColumn).Append(", ");
        AppendSum(query, "pred_sq_sum", PredictionSquareSumColumn);

        query.Append(" FROM ").Append(InfluxQlQueryBuilder.QuoteIdentifier(database)).Append('.');
        if (!string.IsNullOrEmpty(model.RetentionPolicy))
        {
            query.Append(InfluxQlQueryBuilder.QuoteIdentifier(model.RetentionPolicy));
        }

        query.Append('.').Append(InfluxQlQueryBuilder.QuoteIdentifier(model.Measurement));
        query.Append(" WHERE ").Append(InfluxQlQueryBuilder.QuoteIdentifier(model.ModelTag))
            .Append(" = ").Append(QuoteString(model.Model));
        query.Append(" AND time >= ").Append(Nanoseconds(from)).Append(" AND time < ").Append(Nanoseconds(to));
        query.Append(" GROUP BY time(").Append(InfluxQlQueryBuilder.FormatDuration((long)model.WindowLength.TotalMilliseconds)).Append(')');
        foreach (var field in model.Fields)
        {
            query.Append(", ").Append(InfluxQlQueryBuilder.QuoteIdentifier(field));
        }

        if (!string.IsNullOrEmpty(model.BucketTag))
        {
            query.Append(", ").Append(InfluxQlQueryBuilder.QuoteIdentifier(model.BucketTag));
        }

        query.Append(" fill(none)");
        return query.ToString();
    }

    /// <summary>
    /// Returns <paramref name="value"/> as an InfluxQL single-quoted string literal. InfluxQL reads
    /// <c>\\</c>, <c>\'</c> and <c>\n</c> as escapes inside quotes, so those are escaped.
    /// </summary>
    public static string QuoteString(string value)
    {
        var quoted = new StringBuilder(value.Length + 2);
        quoted.Append('\'');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\':
                    quoted.Append(@"\\");
                    break;
                case '\'':
                    quoted.Append(@"\'");
                    break;
                case '\n':
                    quoted.Append(@"\n");
                    break;
                default:
                    quoted.Append(c);
                    break;
            }
        }

        quoted.Append('\'');
        return quoted.ToString();
    }

    private static StringBuilder AppendSum(StringBuilder query, string field, string alias) =>
        query.Append("sum(").Append(InfluxQlQueryBuilder.QuoteIdentifier(field)).Append(") AS ").Append(InfluxQlQueryBuilder.QuoteIdentifier(alias));

    private static string Nanoseconds(DateTimeOffset time) =>
        checked(time.ToUnixTimeMilliseconds() * 1_000_000).ToString(CultureInfo.InvariantCulture);
}
