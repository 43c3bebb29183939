using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Rca.Contracts;
using Rca.Server.Tests.Infrastructure;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Health;

/// <summary><c>GET /readyz</c> against the shared real influxd, a closed port and a port that never responds.</summary>
[Collection(HostCollection.Name)]
public sealed class ReadinessTests(InfluxDbFixture influx)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readyz_InfluxAndStoreUp_ReturnsReady()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson, influxUrl: influx.Url);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/readyz", Token);
        var report = await response.Content.ReadFromJsonAsync<ReadinessReport>(Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ready", report!.Status);
        Assert.Equal(["influx:default", "store"], report.Checks.Select(c => c.Name));
        Assert.All(report.Checks, check => Assert.Equal("ok", check.Status));
        Assert.All(report.Checks, check => Assert.Null(check.Error));
        Assert.Equal(influx.Url.ToString(), report.Checks[0].Target);
    }

    [Fact]
    public async Task Readyz_ClosedPort_Returns503NamingConnection()
    {
        var closed = $"http://127.0.0.1:{ClosedPort()}/";
        using var factory = new ServerFactory(TestKpis.SeedJson, influxUrl: influx.Url);
        using var configured = factory.WithWebHostBuilder(builder => builder.UseSetting("Influx:Connections:backup:Url", closed));
        using var client = configured.CreateClient();

        using var response = await client.GetAsync("/readyz", Token);
        var report = await response.Content.ReadFromJsonAsync<ReadinessReport>(Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("not_ready", report!.Status);
        Assert.Equal(["influx:default", "influx:backup", "store"], report.Checks.Select(c => c.Name));
        Assert.Equal("ok", report.Checks[0].Status);
        var backup = report.Checks[1];
        Assert.Equal("failed", backup.Status);
        Assert.Equal(closed, backup.Target);
        Assert.StartsWith("GET /ping failed: Connection refused", backup.Error);
        Assert.Equal("ok", report.Checks[2].Status);
    }

    [Fact]
    public async Task Readyz_SilentInflux_TimesOut()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var factory = new ServerFactory(TestKpis.SeedJson, influxUrl: new Uri($"http://127.0.0.1:{port}/"));
        using var configured = factory.WithWebHostBuilder(builder => builder.UseSetting("Readiness:Timeout", "00:00:00.3"));
        using var client = configured.CreateClient();

        using var response = await client.GetAsync("/readyz", Token);
        var report = await response.Content.ReadFromJsonAsync<ReadinessReport>(Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var ping = report!.Checks[0];
        Assert.Equal("failed", ping.Status);
        Assert.Equal("GET /ping timed out after 0.3 s.", ping.Error);
    }

    [Fact]
    public async Task Readyz_StoreMissingTables_Returns503()
    {
        var directory = Directory.CreateTempSubdirectory("rca-readiness-").FullName;
        var database = Path.Combine(directory, "store.db");
        using var factory = new ServerFactory(TestKpis.SeedJson, influxUrl: influx.Url);
        using var configured = factory.WithWebHostBuilder(builder => builder.UseSetting("ConnectionStrings:Rca", $"Data Source={database};Pooling=False"));
        using var client = configured.CreateClient();
        File.Delete(database);

        using var response = await client.GetAsync("/readyz", Token);
        var report = await response.Content.ReadFromJsonAsync<ReadinessReport>(Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var store = Assert.Single(report!.Checks, c => c.Name == "store");
        Assert.Equal("failed", store.Status);
        Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", store.Target);
        Assert.Contains("no such table: Kpis", store.Error);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Healthz_InfluxDown_StaysAlive()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson, influxUrl: new Uri($"http://127.0.0.1:{ClosedPort()}/"));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/healthz", Token);
        var report = await response.Content.ReadFromJsonAsync<HealthReport>(Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", report!.Status);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
