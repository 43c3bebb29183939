using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rca.Contracts;
using Rca.Server.Sources;
using Rca.Server.Tests.Infrastructure;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Ui;

/// <summary>The KPI form's service against the real store and a real influxd.</summary>
[Collection(HostCollection.Name)]
public sealed partial class KpiUiServiceTests(InfluxDbFixture influx)
{
    private const int Seed = 20261205;
    private static readonly DateTimeOffset First = ServerFactory.Start.AddMinutes(-3);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TestQuery_ReadsLatestWindow()
    {
        var (database, lines) = await WriteAsync();
        using var factory = new ServerFactory(GeneratedKpi.SeedJson(database), influxUrl: influx.Url);
        await using var scope = new UiScope(factory.Services);

        var result = await scope.Get<IKpiCommands>().TestAsync(Definition("requests-copy", database), Token);

        // The clock is at 12:00, so the latest complete window is 11:59, the last 600 points written.
        Assert.Null(result.Error);
        Assert.Empty(result.FieldErrors);
        var test = result.Value!;
        Assert.Equal(ServerFactory.Start.AddMinutes(-1), test.WindowStart);
        Assert.Equal(600, test.LeafCount);
        Assert.Equal(SumOfCounts(lines[^600..]), test.Total, 6);
        Assert.Null(test.DenominatorSum);
        Assert.Equal(["province", "isp", "device"], test.Attributes.Select(a => a.Attribute));
        Assert.Equal([6, 5, 20], test.Attributes.Select(a => a.DistinctValues));
        Assert.Equal(["d00", "d01", "d02", "d03", "d04"], test.Attributes[2].Examples);
        Assert.Equal([.. GeneratedKpi.Isps.Order(StringComparer.Ordinal)], test.Attributes[1].Examples);
    }

    [Fact]
    public async Task TestQuery_ShowsSourceError()
    {
        using var factory = new ServerFactory(GeneratedKpi.SeedJson("unused"), influxUrl: influx.Url);
        await using var scope = new UiScope(factory.Services);

        var result = await scope.Get<IKpiCommands>().TestAsync(Definition("requests-copy", "no_such_database"), Token);

        Assert.Null(result.Value);
        Assert.Empty(result.FieldErrors);
        Assert.Contains("database not found: no_such_database", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_NamesEachField()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson);
        await using var scope = new UiScope(factory.Services);
        var definition = Definition("bad name", " ");
        definition.Interval = "5 minutes";

        var interval = await scope.Get<IKpiCommands>().CreateAsync(definition, Token);
        definition.Interval = "1m";
        definition.Measure = "ratio";
        var fields = await scope.Get<IKpiCommands>().TestAsync(definition, Token);

        // A duration that cannot be read stops the JSON reader, as in an API body, so it is reported
        // alone. The form's message has no line and byte, because the user never saw the JSON body.
        Assert.Equal(["interval"], interval.FieldErrors.Keys);
        Assert.Equal(
            ["is invalid: Expected a duration such as \"30s\", \"5m\", \"1h\", \"1d\" or \"00:05:00\", got \"5 minutes\"."],
            interval.FieldErrors["Interval"]);
        Assert.Equal(["DenominatorField", "Name", "Source.Database"], fields.FieldErrors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["must not be empty"], fields.FieldErrors["Source.Database"]);
        Assert.StartsWith("must be 1 to 200 letters", fields.FieldErrors["name"][0], StringComparison.Ordinal);
        Assert.Null(fields.Value);
        Assert.Null(await factory.QueryAsync(db => db.Kpis.SingleOrDefaultAsync(k => k.Name == "bad name", Token)));
    }

    [Fact]
    public async Task InvalidEnum_ListsValuesWithoutPosition()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson);
        await using var scope = new UiScope(factory.Services);
        var definition = Definition("mean-latency", "rca");
        definition.Measure = "mean";

        var result = await scope.Get<IKpiCommands>().TestAsync(definition, Token);

        // The form's message names the allowed values and leaves out the line and byte.
        Assert.Equal(["measure"], result.FieldErrors.Keys);
        Assert.Equal(["is invalid: Expected one of: sum, ratio."], result.FieldErrors["measure"]);
        Assert.Null(result.Value);
    }

    [Fact]
    public async Task CreateAndUpdate_StoreDefinition()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson);
        await using var scope = new UiScope(factory.Services);
        var commands = scope.Get<IKpiCommands>();
        var queries = scope.Get<IKpiQueries>();
        var definition = Definition("checkout-errors", "shop");
        definition.Description = "Failed checkouts";
        definition.Channels = "oncall, ops";
        definition.LabelDelay = "2m";

        var created = await commands.CreateAsync(definition, Token);
        var again = await commands.CreateAsync(definition, Token);
        var stored = (await queries.GetDefinitionAsync("checkout-errors", Token)).Value!;
        stored.Measurement = "checkout_v2";
        stored.DetectionThreshold = 4;
        var updated = await commands.UpdateAsync(stored, Token);
        var reread = (await queries.GetDefinitionAsync("checkout-errors", Token)).Value!;
        var summary = await queries.GetAsync("checkout-errors", Token);
        var missing = await commands.UpdateAsync(Definition("nope", "shop"), Token);

        Assert.Equal("checkout-errors", created.Value!.Name);
        Assert.Equal("A KPI named 'checkout-errors' exists; update it with PUT /api/v1/kpis/checkout-errors.", again.Error);
        Assert.Equal("checkout_v2", updated.Value!.Measurement);
        Assert.Equal("Failed checkouts", reread.Description);
        Assert.Equal("province, isp, device", reread.Attributes);
        Assert.Equal("oncall, ops", reread.Channels);
        Assert.Equal("1m", reread.Interval);
        Assert.Equal("2m", reread.LabelDelay);
        Assert.Equal("1d", reread.ForecastSeason);
        Assert.Equal(4, reread.DetectionThreshold);
        Assert.Equal("checkout_v2", summary.Value!.Measurement);
        Assert.Equal(60, summary.Value.IntervalSeconds);
        Assert.Equal("No KPI is named 'nope'; create it with POST /api/v1/kpis.", missing.Error);
    }

    [Fact]
    public async Task SumMeasure_IgnoresDenominatorText()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson);
        await using var scope = new UiScope(factory.Services);
        var definition = Definition("checkout-errors", "shop");
        definition.DenominatorField = "total";

        var created = await scope.Get<IKpiCommands>().CreateAsync(definition, Token);
        definition.Name = "checkout-rate";
        definition.Measure = "ratio";
        var ratio = await scope.Get<IKpiCommands>().CreateAsync(definition, Token);

        Assert.Equal("sum", created.Value!.Measure);
        Assert.Null(created.Value.DenominatorField);
        Assert.Equal("ratio", ratio.Value!.Measure);
        Assert.Equal("total", ratio.Value.DenominatorField);
    }

    [Fact]
    public async Task Checks_MatchApi()
    {
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(Token);
        await using var scope = new UiScope(factory.Services);
        var queries = scope.Get<IKpiQueries>();

        var checks = await queries.ListChecksAsync(TestKpis.Name, 0, 2, Token);
        var unknown = await queries.ListChecksAsync("nope", 0, 2, Token);
        var badLimit = await queries.ListChecksAsync(TestKpis.Name, 0, 0, Token);

        Assert.Equal(3, checks.Value!.Total);
        Assert.Equal([ApiTestHost.Anomalies[2], ApiTestHost.Anomalies[1]], checks.Value.Items.Select(c => c.WindowStart));
        Assert.All(checks.Value.Items, c => Assert.Equal("anomalous", c.Status));
        Assert.Equal("No KPI is named 'nope'.", unknown.Error);
        Assert.Equal("'limit' must be between 1 and 500, got 0.", badLimit.Error);
    }

    [Fact]
    public async Task ReadOnlyUi_RejectsKpiChanges()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson);
        factory.Settings["Ui:AllowChanges"] = "false";
        await using var scope = new UiScope(factory.Services);
        var commands = scope.Get<IKpiCommands>();

        var test = await commands.TestAsync(Definition("checkout-errors", "shop"), Token);
        var created = await commands.CreateAsync(Definition("checkout-errors", "shop"), Token);

        Assert.False(commands.CanChangeKpis);
        Assert.Equal("The dashboard is read-only because Ui:AllowChanges is false.", test.Error);
        Assert.Equal("The dashboard is read-only because Ui:AllowChanges is false.", created.Error);
        Assert.Null(await factory.QueryAsync(db => db.Kpis.SingleOrDefaultAsync(k => k.Name == "checkout-errors", Token)));
    }

    private static KpiDefinitionInput Definition(string name, string database) => new()
    {
        Name = name,
        Database = database,
        Measurement = GeneratedKpi.Measurement,
        Field = "count",
        Attributes = "province, isp, device",
        Interval = "1m",
        Schedule = "0 0 29 2 *",
        ForecastHistory = 4,
    };

    private async Task<(string Database, List<string> Lines)> WriteAsync()
    {
        var database = "ui_" + Guid.NewGuid().ToString("N")[..8];
        await influx.Server.CreateDatabaseAsync(database, Token);
        var lines = GeneratedKpi.Lines(First, 3, First.AddDays(1), Seed);
        using var http = new HttpClient();
        await new InfluxWriteClient(http, influx.Server.Connection()).WriteAsync(database, lines, Token);
        return (database, lines);
    }

    private static double SumOfCounts(IEnumerable<string> lines)
    {
        double sum = 0;
        foreach (var line in lines)
        {
            sum += double.Parse(CountField().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);
        }

        return sum;
    }

    [GeneratedRegex(@"count=([-0-9.eE+]+)i? \d+$")]
    private static partial Regex CountField();
}
