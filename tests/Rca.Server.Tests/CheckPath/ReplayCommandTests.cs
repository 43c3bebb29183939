using System.Net;
using System.Net.Sockets;
using Rca.Server.Replay;
using Rca.Server.Sources;
using Rca.Server.Tests.Infrastructure;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.CheckPath;

/// <summary>The <c>replay</c> verb of the server executable, run in-process against a real influxd.</summary>
[Collection(HostCollection.Name)]
public sealed class ReplayCommandTests(InfluxDbFixture influx) : IDisposable
{
    private static readonly DateTimeOffset First = ServerFactory.Start.AddMinutes(-24);
    private static readonly DateTimeOffset Drop = First.AddMinutes(18);
    private readonly string _directory = Directory.CreateTempSubdirectory("rca-replay-command-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Replay_PrintsWindowsAndExitsZero()
    {
        var database = await WriteKpiAsync();
        var (status, output, error) = await RunAsync(database, influx.Url, "--kpi", GeneratedKpi.Name, "--from", "2026-03-01T11:52:00Z", "--to", "2026-03-01T11:56:00Z");

        Assert.Equal(0, status);
        Assert.Equal("", error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
        [
            "Replay of KPI requests: 4 windows from 2026-03-01T11:52:00Z to 2026-03-01T11:56:00Z, 0 of them already checked.",
            "2026-03-01T11:52:00Z  ok",
            "2026-03-01T11:53:00Z  ok",
            "2026-03-01T11:54:00Z  anomalous  incident 1: " + GeneratedKpi.DropRootCause,
            "2026-03-01T11:55:00Z  ok",
            "3 ok, 1 anomalous, 0 no_data, 0 failed; 1 incidents opened.",
        ], lines);

        (status, output, _) = await RunAsync(database, influx.Url, "--kpi", GeneratedKpi.Name, "--from", "2026-03-01T11:54:00Z", "--to", "2026-03-01T11:55:00Z");

        Assert.Equal(0, status);
        Assert.Contains("2026-03-01T11:54:00Z  anomalous (kept from an earlier check)", output);
        Assert.Contains("0 ok, 1 anomalous, 0 no_data, 0 failed; 0 incidents opened.", output);
    }

    [Fact]
    public async Task Replay_UnreachableInflux_ExitsTwo()
    {
        var (status, output, _) = await RunAsync("gen_none", new Uri($"http://127.0.0.1:{FreePort()}/"), "--kpi", GeneratedKpi.Name, "--from", Drop.ToString("O"), "--to", Drop.AddMinutes(1).ToString("O"));

        Assert.Equal(2, status);
        Assert.Contains("2026-03-01T11:54:00Z  failed: Reading KPI 'requests' from InfluxDB at http://127.0.0.1:", output);
        Assert.Contains("0 ok, 0 anomalous, 0 no_data, 1 failed; 0 incidents opened.", output);
    }

    [Theory]
    [InlineData(new[] { "--from", "2026-03-01T11:52:00Z", "--to", "2026-03-01T11:56:00Z" }, "Missing option --kpi.")]
    [InlineData(new[] { "--kpi", "requests", "--from", "yesterday", "--to", "2026-03-01T11:56:00Z" }, "Invalid value 'yesterday' for --from: expected an ISO 8601 timestamp")]
    [InlineData(new[] { "--kpi", "nope", "--from", "2026-03-01T11:52:00Z", "--to", "2026-03-01T11:56:00Z" }, "Replay failed: KPI 'nope' is not defined.")]
    [InlineData(new[] { "--kpi", "requests", "--from", "2026-03-01T11:56:00Z", "--to", "2026-03-01T11:52:00Z" }, "Replay failed: 'to' (2026-03-01T11:52:00.0000000+00:00) must be later than 'from'")]
    [InlineData(new[] { "--kpi", "requests", "--from" }, "Option --from needs a value.")]
    public async Task Replay_InvalidRequest_ExitsTwo(string[] args, string message)
    {
        var (status, output, error) = await RunAsync("gen_none", influx.Url, args);

        Assert.Equal(2, status);
        Assert.Equal("", output);
        Assert.StartsWith(message, error);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<(int Status, string Output, string Error)> RunAsync(string database, Uri influxUrl, params string[] args)
    {
        var seed = Path.Combine(_directory, "kpis.json");
        await File.WriteAllTextAsync(seed, GeneratedKpi.SeedJson(database), Token);
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] settings = [$"--Data:Directory={_directory}", $"--Kpis:SeedFile={seed}", $"--Influx:Url={influxUrl}"];
        var status = await ReplayCommand.RunAsync([.. settings, .. args], output, error);
        return (status, output.ToString(), error.ToString());
    }

    private async Task<string> WriteKpiAsync()
    {
        var database = "gen_" + Guid.NewGuid().ToString("N")[..8];
        await influx.Server.CreateDatabaseAsync(database, Token);
        using var http = new HttpClient();
        await new InfluxWriteClient(http, influx.Server.Connection()).WriteAsync(database, GeneratedKpi.Lines(First, 24, Drop, seed: 20261204), Token);
        return database;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
