using System.Globalization;
using InfluxDB.Client.Core.Flux.Domain;
using Rca.Server.Kpis;

namespace Rca.Server.Sources;

/// <summary>
/// Maps the Flux tables of <see cref="FluxQueryBuilder.BuildSumQuery"/> to a <see cref="KpiSeries"/>:
/// the tag columns give the leaf, <c>_field</c> the numerator or denominator, <c>_time</c> the window.
/// </summary>
internal static class FluxSeriesReader
{
    /// <exception cref="InfluxQlResponseException">A row has no time or a time off the requested grid.</exception>
    public static KpiSeries Read(IEnumerable<FluxTable> tables, KpiDefinition kpi, KpiWindowGrid grid)
    {
        var builder = new KpiSeriesBuilder(kpi.Attributes, grid, kpi.Measure == KpiMeasure.Ratio);
        foreach (var table in tables)
        {
            foreach (var record in table.Records)
            {
                AddRecord(builder, kpi, record);
            }
        }

        return builder.Build();
    }

    private static void AddRecord(KpiSeriesBuilder builder, KpiDefinition kpi, FluxRecord record)
    {
        var field = record.GetField();
        var isValue = string.Equals(field, kpi.Field, StringComparison.Ordinal);
        var isDenominator = kpi.Measure == KpiMeasure.Ratio && string.Equals(field, kpi.DenominatorField, StringComparison.Ordinal);
        if (!isValue && !isDenominator)
        {
            return;
        }

        var attributeValues = new string[kpi.Attributes.Count];
        for (var i = 0; i < attributeValues.Length; i++)
        {
            attributeValues[i] = record.Values.TryGetValue(kpi.Attributes[i], out var tag) && tag is not null
                ? Convert.ToString(tag, CultureInfo.InvariantCulture) ?? ""
                : "";
        }

        var time = record.GetTime() ?? throw new InfluxQlResponseException($"a row of field '{field}' has no _time");
        var startMs = time.ToUnixTimeMilliseconds();
        var window = builder.Grid.IndexOf(startMs);
        if (window < 0)
        {
            // An empty row off the grid carries no data, so only a non-zero value there is an error.
            if (ToDouble(record.GetValue()) == 0.0)
            {
                return;
            }

            throw new InfluxQlResponseException($"a row of field '{field}' starts at {startMs} ms, which is not on the requested grid (from {builder.Grid.FromMs} ms every {builder.Grid.IntervalMs} ms, {builder.Grid.Count} windows)");
        }

        var leaf = builder.GetOrAddLeaf(attributeValues);
        var value = ToDouble(record.GetValue());
        if (isValue)
        {
            builder.AddValue(leaf, window, value);
        }

        if (isDenominator)
        {
            builder.AddDenominator(leaf, window, value);
        }
    }

    private static double ToDouble(object? value) => value switch
    {
        null => 0.0,
        double number => number,
        long number => number,
        ulong number => number,
        int number => number,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };
}
