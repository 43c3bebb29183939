using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Rca.Server.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL 15 (Debian's package) started for tests on 127.0.0.1 with a free port, its
/// cluster and unix socket in a temporary directory. Debian's own cluster is left alone.
/// </summary>
/// <remarks>
/// initdb refuses to run as root, so as root every PostgreSQL program runs as the
/// <c>postgres</c> user through runuser. Durability is off (fsync, synchronous commit, full
/// page writes): the cluster is thrown away after the run.
/// </remarks>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private const string SystemUser = "postgres";

    private readonly string _directory;
    private readonly string _dataDirectory;
    private int _databaseCounter;

    private PostgresServer(string directory, int port)
    {
        _directory = directory;
        _dataDirectory = Path.Combine(directory, "data");
        Port = port;
    }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The connection string of the superuser to <paramref name="database"/>.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Database = database, Username = "postgres" }.ConnectionString;

    /// <summary>Runs initdb and pg_ctl start, and waits until the server accepts connections.</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL is not installed, or it did not start.</exception>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
        {
            throw new InvalidOperationException(
                $"{BinDirectory}/initdb is missing. The PostgreSQL tests need Debian's PostgreSQL 15: run ./test.sh, which installs it, or 'apt-get install -y postgresql'.");
        }

        var directory = Directory.CreateTempSubdirectory("rca-postgres-").FullName;
        var server = new PostgresServer(directory, FreePort());
        try
        {
            if (IsRoot)
            {
                await RunAsync("/bin/chown", [$"{SystemUser}:{SystemUser}", directory], asPostgres: false, cancellationToken);
            }

            await RunAsync(
                Path.Combine(BinDirectory, "initdb"),
                ["-D", server._dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"],
                asPostgres: IsRoot,
                cancellationToken);
            var options = $"-c listen_addresses=127.0.0.1 -p {server.Port} -k {directory} -c fsync=off -c synchronous_commit=off "
                + "-c full_page_writes=off -c max_connections=300";
            await RunAsync(
                Path.Combine(BinDirectory, "pg_ctl"),
                ["-D", server._dataDirectory, "-l", Path.Combine(directory, "server.log"), "-o", options, "-w", "-t", "30", "start"],
                asPostgres: IsRoot,
                cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            var log = server.Log();
            await server.DisposeAsync();
            throw new InvalidOperationException($"PostgreSQL did not start: {error.Message}\nServer log:\n{log}", error);
        }

        return server;
    }

    /// <summary>Creates an empty database whose name starts with <paramref name="prefix"/> and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken)
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _databaseCounter)}".ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>Returns the server log, for failure messages.</summary>
    public string Log()
    {
        var path = Path.Combine(_directory, "server.log");
        return File.Exists(path) ? File.ReadAllText(path) : "(no server log)";
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
            {
                await RunAsync(
                    Path.Combine(BinDirectory, "pg_ctl"),
                    ["-D", _dataDirectory, "-m", "immediate", "-w", "stop"],
                    asPostgres: IsRoot,
                    CancellationToken.None);
            }
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(asPostgres ? "/usr/sbin/runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user cannot enter root's working directory.
            WorkingDirectory = "/",
        };
        if (asPostgres)
        {
            foreach (var argument in (string[])["-u", SystemUser, "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{Path.GetFileName(program)} {string.Join(' ', arguments)}' exited with code {process.ExitCode}: {await error}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
