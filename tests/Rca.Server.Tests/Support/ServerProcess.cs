using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rca.Server.Tests.Support;

/// <summary>
/// A real server process: the built Rca.Server.dll run with <c>dotnet</c> on a free loopback
/// port, configured through command-line settings, with its output kept for failure messages.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ServerProcess(string name, int port, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        Url = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Rca.Server.dll"));
        start.ArgumentList.Add($"--urls={Url}");
        start.ArgumentList.Add($"--Server:Name={name}");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The <c>Server:Name</c> of the process.</summary>
    public string Name { get; }

    public Uri Url { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the server; call <see cref="WaitUntilHealthyAsync"/> before using it.</summary>
    public static ServerProcess Start(string name, IReadOnlyDictionary<string, string> settings) => new(name, FreePort(), settings);

    /// <summary>Waits until <c>GET /healthz</c> returns 200.</summary>
    /// <exception cref="InvalidOperationException">The process exited or did not respond in time. The message contains its output.</exception>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Server {Name} exited with code {_process.ExitCode} during start-up. Its output:\n{Log()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Url, "healthz"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
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
                // The request timed out while the process was busy starting.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Server {Name} did not respond to {Url}healthz within {timeout.TotalSeconds} s. Its output:\n{Log()}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Kills the process with SIGKILL, as a crash would, and waits until it has exited.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Returns the process output so far.</summary>
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
            await KillAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (_log.Length < 500_000)
            {
                _log.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
