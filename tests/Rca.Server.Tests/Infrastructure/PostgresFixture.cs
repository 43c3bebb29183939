using Rca.Server.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(PostgresFixture))]

namespace Rca.Server.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server shared by every test in the assembly, started when a test first requests
/// a database, so runs without PostgreSQL tests do not pay for it. Each caller gets its own
/// empty database.
/// </summary>
/// <remarks>
/// When PostgreSQL is missing, the test that requests a database fails with a message that
/// explains how to install it; nothing is skipped.
/// </remarks>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private PostgresServer? _server;

    /// <summary>Starts the server when it is not running yet.</summary>
    public async Task<PostgresServer> GetServerAsync(CancellationToken cancellationToken)
    {
        await _starting.WaitAsync(cancellationToken);
        try
        {
            return _server ??= await PostgresServer.StartAsync(cancellationToken);
        }
        finally
        {
            _starting.Release();
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken) =>
        await (await GetServerAsync(cancellationToken)).CreateDatabaseAsync(prefix, cancellationToken);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _starting.Dispose();
    }
}
