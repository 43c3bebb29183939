using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Rca.Server.Sources;

namespace Rca.Server.Tests.Infrastructure;

/// <summary>
/// A real influxd (Debian's InfluxDB 1.6.7) started for tests on 127.0.0.1 with free ports and
/// its data, meta and WAL directories under a temporary directory.
/// </summary>
/// <remarks>
/// The configuration is the output of <c>influxd config</c> with every bind address moved to
/// 127.0.0.1 (the HTTP API and the RPC address used for backups each get a free port, the
/// disabled listeners keep their port on loopback), the directories moved, and reporting, the
/// internal monitor store and the HTTP request log turned off.
/// </remarks>
public sealed class InfluxDbServer : IAsyncDisposable
{
    public const string InfluxdPath = "/usr/bin/influxd";

    private readonly string _directory;
    private readonly string _configPath;
    private readonly StringBuilder _log;
    private Process _process;

    private InfluxDbServer(Process process, string directory, string configPath, Uri url, StringBuilder log, string? adminUser, string? adminPassword)
    {
        _process = process;
        _directory = directory;
        _configPath = configPath;
        _log = log;
        Url = url;
        AdminUser = adminUser;
        AdminPassword = adminPassword;
    }

    /// <summary>The HTTP API base URL, for example http://127.0.0.1:41234/.</summary>
    public Uri Url { get; }

    /// <summary>The admin user when auth is enabled; null otherwise.</summary>
    public string? AdminUser { get; }

    /// <summary>The admin password when auth is enabled; null otherwise.</summary>
    public string? AdminPassword { get; }

    public int ProcessId => _process.Id;

    /// <summary>Returns connection options for this server, with the admin credentials when auth is enabled.</summary>
    public InfluxConnectionOptions Connection(string? database = null) => new()
    {
        Url = Url.ToString(),
        Username = AdminUser,
        Password = AdminPassword,
        Database = database,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Starts influxd and waits until <c>/ping</c> returns 204; with <paramref name="authEnabled"/> it also creates the admin user.</summary>
    /// <exception cref="InvalidOperationException">influxd is not installed, or did not start within 30 seconds.</exception>
    public static async Task<InfluxDbServer> StartAsync(bool authEnabled, CancellationToken cancellationToken)
    {
        if (!File.Exists(InfluxdPath))
        {
            throw new InvalidOperationException(
                $"{InfluxdPath} is missing. The InfluxDB tests need Debian's influxd: run ./test.sh, which installs it, or 'apt-get install -y influxdb'.");
        }

        var directory = Directory.CreateTempSubdirectory("rca-influxd-").FullName;
        var httpPort = FreePort();
        var rpcPort = FreePort();
        var config = await RunInfluxdConfigAsync(cancellationToken);
        var configPath = Path.Combine(directory, "influxdb.conf");
        await File.WriteAllTextAsync(configPath, RewriteConfig(config, directory, httpPort, rpcPort, authEnabled), cancellationToken);

        var log = new StringBuilder();
        var process = StartProcess(configPath, log);
        var url = new Uri($"http://127.0.0.1:{httpPort}/");
        string? adminUser = authEnabled ? "admin" : null;
        string? adminPassword = authEnabled ? "s3cret \"pw\"" : null;
        var server = new InfluxDbServer(process, directory, configPath, url, log, adminUser, adminPassword);
        try
        {
            await server.WaitForPingAsync(cancellationToken);
            if (authEnabled)
            {
                // With auth enabled, InfluxDB 1.x accepts exactly one unauthenticated statement: creating the first admin.
                await server.PostQueryAsync(
                    $"CREATE USER \"admin\" WITH PASSWORD '{adminPassword!.Replace("\\", "\\\\").Replace("'", "\\'")}' WITH ALL PRIVILEGES",
                    authenticate: false,
                    cancellationToken);
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Whether the influxd process is running.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Kills influxd (SIGKILL, as a crash would) and waits until it has exited; the data directory stays.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
    }

    /// <summary>
    /// Starts influxd again on the same configuration, so on the same port and data directory,
    /// and waits until <c>/ping</c> returns 204.
    /// </summary>
    /// <exception cref="InvalidOperationException">influxd is still running, or did not respond within 30 seconds.</exception>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        if (!_process.HasExited)
        {
            throw new InvalidOperationException($"influxd (pid {_process.Id}) is still running; stop it first.");
        }

        _process.Dispose();
        AppendLog(_log, "--- restarted by the test ---");
        _process = StartProcess(_configPath, _log);
        await WaitForPingAsync(cancellationToken);
    }

    /// <summary>Creates a database through <c>POST /query</c>.</summary>
    public async Task CreateDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        await new InfluxWriteClient(http, Connection()).CreateDatabaseAsync(database, cancellationToken);
    }

    /// <summary>Returns influxd's output so far, for failure messages.</summary>
    public string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        finally
        {
            _process.Dispose();
            Directory.Delete(_directory, recursive: true);
        }
    }

    internal static string RewriteConfig(string config, string directory, int httpPort, int rpcPort, bool authEnabled)
    {
        var lines = config.Split('\n');
        var section = "";
        var builder = new StringBuilder(config.Length);
        foreach (var raw in lines)
        {
            var line = raw;
            var trimmed = line.Trim();
            if (trimmed.StartsWith('['))
            {
                section = trimmed;
            }

            var bind = Regex.Match(line, "^(\\s*)bind-address = \"[^\"]*:(\\d+)\"");
            if (bind.Success)
            {
                var port = section switch
                {
                    "" => rpcPort,
                    "[http]" => httpPort,
                    _ => int.Parse(bind.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
                };
                line = $"{bind.Groups[1].Value}bind-address = \"127.0.0.1:{port}\"";
            }

            line = line.Replace("/var/lib/influxdb", directory, StringComparison.Ordinal);
            line = Regex.Replace(line, "^(\\s*)reporting-enabled = true", "$1reporting-enabled = false");
            line = Regex.Replace(line, "^(\\s*)store-enabled = true", "$1store-enabled = false");
            line = Regex.Replace(line, "^(\\s*)query-log-enabled = true", "$1query-log-enabled = false");
            if (section == "[http]")
            {
                line = Regex.Replace(line, "^(\\s*)log-enabled = true", "$1log-enabled = false");
                line = Regex.Replace(line, "^(\\s*)auth-enabled = (true|false)", $"$1auth-enabled = {(authEnabled ? "true" : "false")}");
            }

            builder.Append(line).Append('\n');
        }

        return builder.ToString();
    }

    private static Process StartProcess(string configPath, StringBuilder log)
    {
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(InfluxdPath)
            {
                ArgumentList = { "-config", configPath },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        process.OutputDataReceived += (_, e) => AppendLog(log, e.Data);
        process.ErrorDataReceived += (_, e) => AppendLog(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<string> RunInfluxdConfigAsync(CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(InfluxdPath)
        {
            ArgumentList = { "config" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'influxd config' exited with code {process.ExitCode}: {await error}");
        }

        return await output;
    }

    private async Task WaitForPingAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"influxd exited with code {_process.ExitCode} before answering /ping. Its output:\n{Log()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Url, "ping"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The 2-second request timeout; try again.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"influxd did not respond to {Url}ping within 30 s. Its output:\n{Log()}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private async Task PostQueryAsync(string query, bool authenticate, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Url, "query"))
        {
            Content = new FormUrlEncodedContent([new("q", query)]),
        };
        if (authenticate && AdminUser is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AdminUser}:{AdminPassword}")));
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || body.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"influxd rejected '{query}': HTTP {(int)response.StatusCode} {body}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void AppendLog(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.Length < 200_000)
            {
                log.AppendLine(line);
            }
        }
    }
}
