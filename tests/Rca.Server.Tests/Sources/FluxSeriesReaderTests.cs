using InfluxDB.Client.Core.Flux.Domain;
using NodaTime;
using Rca.Server.Sources;

namespace Rca.Server.Tests.Sources;

/// <summary>
/// Maps Flux tables built the way InfluxDB.Client fills them from annotated CSV: one
/// <see cref="FluxRecord"/> per row with every column in <see cref="FluxRecord.Values"/>,
/// <c>_time</c> as a NodaTime instant and an empty <c>_value</c> as null. The client's CSV
/// parser has no public constructor, so the tables are built here.
/// </summary>
public sealed class FluxSeriesReaderTests
{
    private const long FromMs = 1_699_999_980_000;
    private const string Quoted = "say \"hi\", a=b";

    [Fact]
    public void Read_RatioKpi_MapsLeavesFieldsAndWindows()
    {
        var kpi = KpiSources.Kpi("b", "m", ["isp", "province"], field: "f", denominator: "d");
        var grid = new KpiWindowGrid(FromMs, 60_000, 3);

        var series = FluxSeriesReader.Read(Tables(), kpi, grid);

        Assert.Equal(["isp", "province"], series.Attributes);
        Assert.Equal(2, series.Leaves.Count);
        Assert.Equal(["电信", Quoted], series.Leaves[0]);
        Assert.Equal(["联通", ""], series.Leaves[1]);
        Assert.Equal([1.5, 0.0, 2.0], series.Values[0]);
        Assert.Equal([0.0, 7.0, 0.0], series.Values[1]);
        Assert.NotNull(series.Denominators);
        Assert.Equal([10.0, 20.0, 0.0], series.Denominators[0]);
        Assert.Equal([0.0, 0.0, 0.0], series.Denominators[1]);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(FromMs + 120_000), series.WindowStarts[2]);
    }

    [Fact]
    public void Read_SumKpi_IgnoresOtherFields()
    {
        var kpi = KpiSources.Kpi("b", "m", ["isp"], field: "d");
        var grid = new KpiWindowGrid(FromMs, 60_000, 3);

        var series = FluxSeriesReader.Read(Tables(), kpi, grid);

        Assert.Single(series.Leaves);
        Assert.Equal(["电信"], series.Leaves[0]);
        Assert.Equal([10.0, 20.0, 0.0], series.Values[0]);
        Assert.Null(series.Denominators);
    }

    [Fact]
    public void Read_TimeOffGrid_Throws()
    {
        var kpi = KpiSources.Kpi("b", "m", ["isp"]);
        var grid = new KpiWindowGrid(FromMs + 30_000, 60_000, 3);

        var error = Assert.Throws<InfluxQlResponseException>(() => FluxSeriesReader.Read(Tables(), kpi, grid));

        Assert.Contains("not on the requested grid", error.Message);
    }

    // Two tables of field f (the second has no province column and long values) and one of
    // field d. The null values are windows that aggregateWindow created empty.
    private static List<FluxTable> Tables() =>
    [
        Table(0, "f", [new("isp", "电信"), new("province", Quoted)], [1.5, null, 2.0]),
        Table(1, "d", [new("isp", "电信"), new("province", Quoted)], [10.0, 20.0, null]),
        Table(2, "f", [new("isp", "联通")], [null, 7L, null]),
    ];

    private static FluxTable Table(int index, string field, KeyValuePair<string, string>[] tags, object?[] values)
    {
        var table = new FluxTable();
        for (var window = 0; window < values.Length; window++)
        {
            var record = new FluxRecord(index);
            record.Values["result"] = "_result";
            record.Values["table"] = (long)index;
            record.Values["_start"] = Instant.FromUnixTimeMilliseconds(FromMs);
            record.Values["_stop"] = Instant.FromUnixTimeMilliseconds(FromMs + 180_000);
            record.Values["_time"] = Instant.FromUnixTimeMilliseconds(FromMs + window * 60_000L);
            record.Values["_value"] = values[window];
            record.Values["_field"] = field;
            record.Values["_measurement"] = "m";
            foreach (var (key, value) in tags)
            {
                record.Values[key] = value;
            }

            table.Records.Add(record);
        }

        return table;
    }
}
