using Rca.Server.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(InfluxDbFixture))]

namespace Rca.Server.Tests.Infrastructure;

/// <summary>
/// One influxd without authentication, shared by every test in the assembly. Tests that need
/// authentication start their own instance with <see cref="StartAuthEnabledAsync"/>.
/// </summary>
/// <remarks>
/// The server starts before the first test that takes the fixture. When /usr/bin/influxd is
/// missing, that test fails with a message that explains how to install it; nothing is skipped.
/// </remarks>
public sealed class InfluxDbFixture : IAsyncLifetime
{
    private InfluxDbServer? _server;
    private int _databaseCounter;

    /// <summary>The running server.</summary>
    public InfluxDbServer Server => _server ?? throw new InvalidOperationException("The influxd fixture has not started.");

    /// <summary>The HTTP API base URL.</summary>
    public Uri Url => Server.Url;

    public async ValueTask InitializeAsync()
    {
        _server = await InfluxDbServer.StartAsync(authEnabled: false, TestContext.Current.CancellationToken);
    }

    /// <summary>Creates a database whose name starts with <paramref name="prefix"/> and is unique within this run, so tests never share data.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken)
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _databaseCounter)}";
        await Server.CreateDatabaseAsync(name, cancellationToken);
        return name;
    }

    /// <summary>Starts a separate influxd with <c>auth-enabled = true</c> and an admin user; the caller disposes it.</summary>
    public static Task<InfluxDbServer> StartAuthEnabledAsync(CancellationToken cancellationToken) =>
        InfluxDbServer.StartAsync(authEnabled: true, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
