using System.Net;
using System.Net.Http.Json;
using Rca.Contracts;

namespace Rca.EndToEnd.Tests;

/// <summary>
/// A second server host with <c>Api:AnonymousRead</c> false, so the dashboard requires a sign-in with a key. It
/// shares the fixture's influxd but has its own data directory and demo database, and it is
/// started by the one test that needs it rather than by every run of the fixture.
/// </summary>
internal sealed class SignInServer : IAsyncDisposable
{
    /// <summary>The bootstrap key (admin scope) of this host, used only to create the test's keys.</summary>
    public const string BootstrapKey = "e2e-signin-bootstrap-0123456789abcdef";

    /// <summary>The demo database of this host, apart from the fixture's so their replays do not mix.</summary>
    public const string DemoDatabase = "rca_signin";

    private static readonly TimeSpan IncidentDeadline = TimeSpan.FromSeconds(90);

    private readonly DemoHostFactory _factory;
    private readonly string _dataDirectory;

    private SignInServer(DemoHostFactory factory, string dataDirectory, Uri baseUrl)
    {
        _factory = factory;
        _dataDirectory = dataDirectory;
        BaseUrl = baseUrl;
        Admin = new HttpClient { BaseAddress = baseUrl };
        Admin.DefaultRequestHeaders.Add("X-Api-Key", BootstrapKey);
    }

    /// <summary>The dashboard's base URL.</summary>
    public Uri BaseUrl { get; }

    /// <summary>A client that sends the bootstrap key.</summary>
    public HttpClient Admin { get; }

    /// <summary>Starts the host on a free loopback port with the demo writing to <paramref name="influxUrl"/>.</summary>
    public static SignInServer Start(Uri influxUrl)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("rca-e2e-signin-").FullName;
        var factory = new DemoHostFactory(influxUrl, dataDirectory, new Dictionary<string, string>
        {
            ["Api:AnonymousRead"] = "false",
            ["Api:BootstrapKey"] = BootstrapKey,
            ["Demo:Database"] = DemoDatabase,
        });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return new SignInServer(factory, dataDirectory, factory.ClientOptions.BaseAddress);
    }

    /// <summary>Creates a stored API key with <paramref name="scopes"/> through <c>POST /api/v1/keys</c> and returns its text.</summary>
    public async Task<string> CreateKeyAsync(string name, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        using var response = await Admin.PostAsJsonAsync("api/v1/keys", new ApiKeyCreateRequest(name, scopes), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST api/v1/keys answered {(int)response.StatusCode}: {text}");
        var created = System.Text.Json.JsonSerializer.Deserialize<ApiKeyCreated>(text, System.Text.Json.JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("POST api/v1/keys returned an empty body.");
        return created.Key;
    }

    /// <summary>Waits until the demo has opened at least one incident and returns the first listed.</summary>
    public async Task<IncidentSummary> WaitForIncidentAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + IncidentDeadline;
        while (DateTime.UtcNow < deadline)
        {
            var page = await Admin.GetFromJsonAsync<Page<IncidentSummary>>("api/v1/incidents?limit=1", cancellationToken);
            if (page is { Items.Count: > 0 })
            {
                return page.Items[0];
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        throw new TimeoutException($"The sign-in host at {BaseUrl} opened no demo incident within {IncidentDeadline.TotalSeconds:0} s.");
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
