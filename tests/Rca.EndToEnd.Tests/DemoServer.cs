using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rca.Contracts;
using Rca.EndToEnd.Tests;
using Rca.Server.Demo;
using Rca.Server.Kpis;
using Rca.Server.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(DemoServer))]

namespace Rca.EndToEnd.Tests;

/// <summary>
/// A real influxd and the server on a real Kestrel socket with the demo loader on, shared by every
/// browser test. Start-up waits until the demo has opened one incident per bundled case.
/// </summary>
/// <remarks>
/// The tests change incidents (acknowledge), so a test that needs an untouched incident picks one
/// no other test changes.
/// </remarks>
public sealed class DemoServer : IAsyncLifetime
{
    /// <summary>
    /// The bootstrap key of the server (admin scope), for the API calls that need a key, such as
    /// <c>POST /api/v1/kpis/test</c>. The browser never sends it.
    /// </summary>
    public const string BootstrapKey = "e2e-bootstrap-key-0123456789abcdef";

    /// <summary>The demo's InfluxDB database, as <c>Demo:Database</c> defaults it.</summary>
    public const string DemoDatabase = "rca_demo";

    private static readonly TimeSpan IncidentDeadline = TimeSpan.FromSeconds(120);

    private InfluxDbServer? _influx;
    private string? _dataDirectory;
    private DemoHostFactory? _factory;

    /// <summary>The dashboard's base URL, for example http://127.0.0.1:40123/.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>A client for the server's HTTP API on the same socket the browser uses.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>A client that sends <see cref="BootstrapKey"/>, for the API calls that need a key.</summary>
    public HttpClient AdminApi { get; private set; } = null!;

    /// <summary>The influxd the demo writes to, which a second server host may read from too.</summary>
    public Uri InfluxUrl => _influx!.Url;

    /// <summary>The bundled demo cases, read from the same <c>demo-cases.json</c> the loader reads.</summary>
    internal DemoManifest Manifest { get; private set; } = null!;

    /// <summary>The demo incidents as the API listed them once all had been opened, newest first.</summary>
    public IReadOnlyList<IncidentSummary> Incidents { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Manifest = await ReadManifestAsync(ct);
        _influx = await InfluxDbServer.StartAsync(authEnabled: false, ct);
        _dataDirectory = Directory.CreateTempSubdirectory("rca-e2e-").FullName;

        var settings = new Dictionary<string, string> { ["Api:BootstrapKey"] = BootstrapKey };
        _factory = new DemoHostFactory(_influx.Url, _dataDirectory, settings);
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress;
        Api = new HttpClient { BaseAddress = BaseUrl };
        AdminApi = new HttpClient { BaseAddress = BaseUrl };
        AdminApi.DefaultRequestHeaders.Add("X-Api-Key", BootstrapKey);
        Incidents = await WaitForDemoIncidentsAsync(ct);
    }

    /// <summary>Returns the incident the demo opened for the case whose KPI is <paramref name="kpi"/>.</summary>
    public IncidentSummary IncidentOf(string kpi) =>
        Incidents.SingleOrDefault(incident => incident.Kpi == kpi)
        ?? throw new InvalidOperationException($"The demo opened no incident for KPI '{kpi}'; it opened: {string.Join(", ", Incidents.Select(i => i.Kpi))}.");

    /// <summary>Returns the incidents from <c>GET /api/v1/incidents</c> now, newest first.</summary>
    public async Task<IReadOnlyList<IncidentSummary>> ListIncidentsAsync(CancellationToken cancellationToken)
    {
        var page = await Api.GetFromJsonAsync<Page<IncidentSummary>>("api/v1/incidents?limit=50", cancellationToken)
            ?? throw new InvalidOperationException("GET api/v1/incidents returned an empty body.");
        return page.Items;
    }

    /// <summary>Returns the incident detail from <c>GET /api/v1/incidents/{id}</c>.</summary>
    public async Task<IncidentDetail> GetIncidentAsync(long id, CancellationToken cancellationToken) =>
        await Api.GetFromJsonAsync<IncidentDetail>($"api/v1/incidents/{id}", cancellationToken)
        ?? throw new InvalidOperationException($"GET api/v1/incidents/{id} returned an empty body.");

    /// <summary>Returns the KPIs from <c>GET /api/v1/kpis</c> now, each with its latest check.</summary>
    public async Task<IReadOnlyList<KpiSummary>> ListKpisAsync(CancellationToken cancellationToken) =>
        await Api.GetFromJsonAsync<IReadOnlyList<KpiSummary>>("api/v1/kpis", cancellationToken)
        ?? throw new InvalidOperationException("GET api/v1/kpis returned an empty body.");

    // The loader writes the cases and Hangfire then replays every minute of them. An incident opens
    // when the replay reaches its labelled minute, so the list fills up over several seconds.
    private async Task<IReadOnlyList<IncidentSummary>> WaitForDemoIncidentsAsync(CancellationToken cancellationToken)
    {
        var expected = Manifest.Cases.Count;
        var deadline = DateTime.UtcNow + IncidentDeadline;
        Page<IncidentSummary>? page = null;
        while (DateTime.UtcNow < deadline)
        {
            page = await Api.GetFromJsonAsync<Page<IncidentSummary>>("api/v1/incidents?limit=50", cancellationToken);
            if (page is not null && page.Total >= expected)
            {
                return page.Items;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        var opened = page is null ? "none" : string.Join(", ", page.Items.Select(i => $"#{i.Id} {i.Kpi}"));
        throw new TimeoutException(
            $"The demo opened {page?.Total ?? 0} of {expected} incidents within {IncidentDeadline.TotalSeconds:0} s " +
            $"(GET {BaseUrl}api/v1/incidents lists: {opened}). influxd output:\n{_influx!.Log()}");
    }

    private static async Task<DemoManifest> ReadManifestAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Demo", "demo-cases.json");
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<DemoManifest>(stream, KpiJson.Options, cancellationToken)
            ?? throw new InvalidDataException($"{path} is empty.");
    }

    public async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        AdminApi?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_influx is not null)
        {
            await _influx.DisposeAsync();
        }

        if (_dataDirectory is not null)
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
