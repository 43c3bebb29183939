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
    public static async Task<KpiSeries> ReadAsync(
        Stream body,
        KpiDefinition kpi,
        KpiWindowGrid grid,
        CancellationToken cancellationToken)
    {
        var hasDenominator = kpi.Measure == KpiMeasure.Ratio;
        var builder = new KpiSeriesBuilder(kpi.Attributes, grid, hasDenominator);
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
                    AddSeries(builder, kpi, series);
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

    private static void AddSeries(KpiSeriesBuilder builder, KpiDefinition kpi, InfluxQlSeries series)
    {
        var columns = series.Columns ?? throw new InfluxQlResponseException($"series '{series.Name}' has no columns");
        var timeColumn = Array.IndexOf(columns, "time");
        var valueColumn = Array.IndexOf(columns, InfluxQlQueryBuilder.ValueColumn);
        var denominatorColumn = Array.IndexOf(columns, InfluxQlQueryBuilder.DenominatorColumn);
        if (timeColumn < 0 || valueColumn < 0 || (kpi.Measure == KpiMeasure.Ratio && denominatorColumn < 0))
        {
            throw new InfluxQlResponseException($"series '{series.Name}' has columns [{string.Join(", ", columns)}]; expected time, {InfluxQlQueryBuilder.ValueColumn}{(kpi.Measure == KpiMeasure.Ratio ? ", " + InfluxQlQueryBuilder.DenominatorColumn : "")}");
        }

        var attributeValues = new string[kpi.Attributes.Count];
        for (var i = 0; i < attributeValues.Length; i++)
        {
            attributeValues[i] = series.Tags is not null && series.Tags.TryGetValue(kpi.Attributes[i], out var tagValue) ? tagValue : "";
        }

        var leaf = builder.GetOrAddLeaf(attributeValues);
        var grid = builder.Grid;
        foreach (var row in series.Values ?? [])
        {
            var time = row.Length > timeColumn ? row[timeColumn] : null;
            if (time is not { } startMs)
            {
                throw new InfluxQlResponseException($"series '{series.Name}' has a row without a time");
            }

            var window = grid.IndexOf((long)startMs);
            if (window < 0)
            {
                throw new InfluxQlResponseException($"series '{series.Name}' has a window starting at {startMs} ms, which is not on the requested grid (from {grid.FromMs} ms every {grid.IntervalMs} ms, {grid.Count} windows)");
            }

            builder.AddValue(leaf, window, CellOrZero(row, valueColumn));
            if (denominatorColumn >= 0)
            {
                builder.AddDenominator(leaf, window, CellOrZero(row, denominatorColumn));
            }
        }
    }

    private static double CellOrZero(double?[] row, int column) =>
        column < row.Length && row[column] is { } value ? value : 0.0;
}
