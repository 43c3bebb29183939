using System.Text.Json;
using Rca.Server.Kpis;

namespace Rca.Server.Sources;

/// <summary>
/// Reads a <c>/query</c> response body (plain or chunked) into a <see cref="KpiSeries"/>.
/// </summary>
/// <remarks>
/// The body is deserialized from the stream one top-level JSON object at a time, so a chunked
/// response never sits in memory as a whole. A statement error, a top-level error or a missing
/// column raises <see cref="InfluxQlResponseException"/>, which the source wraps with the KPI and URL.
/// </remarks>
internal static class InfluxQlResponseReader
{
    public static Task<KpiSeries> ReadAsync(Stream body, KpiDefinition kpi, KpiWindowGrid grid, CancellationToken cancellationToken) =>
        ReadAsync(body, kpi, kpi.Attributes, grid, cancellationToken);

    /// <summary>Reads a response grouped by <paramref name="attributes"/>, which are the KPI's attributes or none for totals.</summary>
    public static async Task<KpiSeries> ReadAsync(
        Stream body,
        KpiDefinition kpi,
        IReadOnlyList<string> attributes,
        KpiWindowGrid grid,
        CancellationToken cancellationToken)
    {
        var hasDenominator = kpi.Measure == KpiMeasure.Ratio;
        var builder = new KpiSeriesBuilder(attributes, grid, hasDenominator);
        var responses = JsonSerializer.DeserializeAsyncEnumerable(
            body,
            InfluxQlJsonContext.Default.InfluxQlResponse,
            topLevelValues: true,
            cancellationToken);

        var lastPartial = false;
        await foreach (var response in responses.ConfigureAwait(false))
        {
            if (response is null)
            {
                continue;
            }

            if (response.Error is not null)
            {
                throw new InfluxQlResponseException(response.Error);
            }

            foreach (var result in response.Results ?? [])
            {
                if (result.Error is not null)
                {
                    throw new InfluxQlResponseException(result.Error);
                }

                foreach (var series in result.Series ?? [])
                {
                    AddSeries(builder, kpi, attributes, series);
                }

                lastPartial = result.Partial;
            }
        }

        // A chunked response marks every chunk but the last as partial, so a partial flag on the
        // last object means the server cut the result short (max-row-limit on InfluxDB 1.x).
        if (lastPartial)
        {
            throw new InfluxQlResponseException("the result was truncated by the server (partial: true); raise [http] max-row-limit or query a shorter range");
        }

        return builder.Build();
    }

    private static void AddSeries(KpiSeriesBuilder builder, KpiDefinition kpi, IReadOnlyList<string> attributes, InfluxQlSeries series)
    {
        // The query selects time, the numerator sum, the denominator sum of a ratio, then one
        // column per attribute, so cells are read by position (see InfluxQlQueryBuilder).
        var ratio = kpi.Measure == KpiMeasure.Ratio;
        var firstAttribute = ratio ? 3 : 2;
        var expected = firstAttribute + attributes.Count;
        var columns = series.Columns ?? throw new InfluxQlResponseException($"series '{series.Name}' has no columns");
        if (columns.Length != expected || columns[0] != "time")
        {
            throw new InfluxQlResponseException(
                $"series '{series.Name}' has columns [{string.Join(", ", columns)}]; expected {expected}: time, the numerator{(ratio ? ", the denominator" : "")}{(attributes.Count > 0 ? ", " + string.Join(", ", attributes) : "")}");
        }

        var grid = builder.Grid;
        foreach (var row in series.Values ?? [])
        {
            if (row.Length != expected || row.Numbers[0] is not { } startMs)
            {
                throw new InfluxQlResponseException($"series '{series.Name}' has a row with {row.Length} cells or without a time; expected {expected} cells");
            }

            // A one-window query has no time bucket (see InfluxQlQueryBuilder), so its rows
            // belong to that window whatever time the server put on them.
            var window = grid.Count == 1 ? 0 : grid.IndexOf((long)startMs);
            if (window < 0)
            {
                throw new InfluxQlResponseException($"series '{series.Name}' has a window starting at {startMs} ms, which is not on the requested grid (from {grid.FromMs} ms every {grid.IntervalMs} ms, {grid.Count} windows)");
            }

            var attributeValues = new string[attributes.Count];
            for (var i = 0; i < attributeValues.Length; i++)
            {
                attributeValues[i] = row.Texts[firstAttribute + i] ?? "";
            }

            var leaf = builder.GetOrAddLeaf(attributeValues);
            builder.AddValue(leaf, window, row.Numbers[1] ?? 0.0);
            if (ratio)
            {
                builder.AddDenominator(leaf, window, row.Numbers[2] ?? 0.0);
            }
        }
    }
}
