using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rca.Contracts;
using Rca.Server.Sources;
using Rca.Server.Storage;

namespace Rca.Server.Health;

/// <summary>
/// Checks what a KPI check needs: every configured InfluxDB connection responds to <c>GET /ping</c>
/// with a 2xx status, and the incident store returns the result of a one-row query, each within
/// <see cref="ReadinessOptions.Timeout"/>.
/// </summary>
/// <remarks>
/// A singleton, so that a failing dependency is logged once when it starts failing and once when
/// it recovers, not at every probe.
/// </remarks>
internal sealed class ReadinessProbe(
    IOptionsMonitor<InfluxOptions> influx,
    IOptionsMonitor<ReadinessOptions> options,
    IHttpClientFactory httpClients,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<ReadinessProbe> logger)
{
    public const string HttpClientName = "readiness";

    private const string Ok = "ok";
    private const string Failed = "failed";

    private readonly ConcurrentDictionary<string, bool> _failing = new(StringComparer.Ordinal);

    /// <summary>Runs every check at once and returns <c>ready</c> when all passed, else <c>not_ready</c>.</summary>
    public async Task<ReadinessReport> ProbeAsync(CancellationToken cancellationToken)
    {
        var timeout = options.CurrentValue.Timeout;
        var probes = new List<Task<ReadinessCheck>>();
        var connections = influx.CurrentValue;
        probes.Add(PingAsync("influx:default", connections.Default, timeout, cancellationToken));
        foreach (var (name, connection) in connections.Connections.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            probes.Add(PingAsync("influx:" + name, connection, timeout, cancellationToken));
        }

        probes.Add(QueryStoreAsync(timeout, cancellationToken));
        var checks = await Task.WhenAll(probes);
        foreach (var check in checks)
        {
            LogTransition(check);
        }

        var ready = Array.TrueForAll(checks, check => check.Status == Ok);
        return new ReadinessReport(ready ? "ready" : "not_ready", checks);
    }

    private async Task<ReadinessCheck> PingAsync(string name, InfluxConnectionOptions connection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var target = connection.DisplayUrl();
        var started = time.GetTimestamp();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            // /ping needs no credentials on InfluxDB 1.x and 2.x, so none are sent.
            using var request = new HttpRequestMessage(HttpMethod.Get, InfluxHttp.Endpoint(connection, "ping"));
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, limit.Token);
            var error = response.IsSuccessStatusCode ? null : $"GET /ping returned HTTP {(int)response.StatusCode}; expected 2xx.";
            return Result(name, target, error, started);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Result(name, target, $"GET /ping timed out after {timeout.TotalSeconds:0.###} s.", started);
        }
        catch (HttpRequestException error)
        {
            return Result(name, target, "GET /ping failed: " + error.Message, started);
        }
    }

    private async Task<ReadinessCheck> QueryStoreAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RcaDbContext>();
        var target = db.Database.ProviderName ?? "unknown provider";
        try
        {
            // Reading a real table also fails when migrations have not been applied.
            _ = await db.Kpis.AnyAsync(limit.Token);
            return Result("store", target, null, started);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Result("store", target, $"The store query timed out after {timeout.TotalSeconds:0.###} s.", started);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Each provider raises its own exception types (SqliteException, NpgsqlException,
            // InvalidOperationException for a broken connection string); any of them means not ready.
            return Result("store", target, "The store query failed: " + error.Message, started);
        }
    }

    private ReadinessCheck Result(string name, string target, string? error, long started) =>
        new(name, target, error is null ? Ok : Failed, error, time.GetElapsedTime(started).TotalMilliseconds);

    private void LogTransition(ReadinessCheck check)
    {
        var failing = check.Status == Failed;
        var wasFailing = _failing.TryGetValue(check.Name, out var previous) && previous;
        _failing[check.Name] = failing;
        if (failing && !wasFailing)
        {
            logger.LogWarning("Readiness check {Check} ({Target}) failed: {Error}", check.Name, check.Target, check.Error);
        }
        else if (!failing && wasFailing)
        {
            logger.LogInformation("Readiness check {Check} ({Target}) passes again", check.Name, check.Target);
        }
    }
}
