using System.Net.Http.Json;
using Rca.Contracts;

namespace Rca.Server.Tests.Support;

/// <summary>
/// Helpers for API tests: a host with three anomalous minutes of the failure-rate KPI checked,
/// and keys created through the keys endpoint.
/// </summary>
internal static class ApiTestHost
{
    public static readonly DateTimeOffset[] Anomalies =
    [
        ServerFactory.Start.AddMinutes(-20),
        ServerFactory.Start.AddMinutes(-13),
        ServerFactory.Start.AddMinutes(-6),
    ];

    /// <summary>Creates a host whose three anomalous minutes are checked (three incidents), with the settings applied.</summary>
    public static async Task<ServerFactory> CreateWithIncidentsAsync(CancellationToken cancellationToken, Action<ServerFactory>? configure = null)
    {
        var factory = new ServerFactory(TestKpis.SeedJson);
        configure?.Invoke(factory);
        TestKpis.AddMinutes(factory.Source, ServerFactory.Start.AddMinutes(-40), ServerFactory.Start, Anomalies);
        factory.Localizer.Result = [ScriptedLocalizer.Set("region=eu", gps: 0.95)];
        _ = factory.Services;
        foreach (var anomaly in Anomalies)
        {
            await factory.RunWindowAsync(TestKpis.Name, anomaly, cancellationToken);
        }

        return factory;
    }

    /// <summary>Creates a stored key with the scopes through POST /api/v1/keys and returns its text.</summary>
    public static async Task<string> CreateKeyAsync(ServerFactory factory, string name, string[] scopes, CancellationToken cancellationToken)
    {
        using var admin = factory.CreateClient(ServerFactory.BootstrapKey);
        using var response = await admin.PostAsJsonAsync("/api/v1/keys", new ApiKeyCreateRequest(name, scopes), cancellationToken);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<ApiKeyCreated>(cancellationToken);
        return created!.Key;
    }
}
