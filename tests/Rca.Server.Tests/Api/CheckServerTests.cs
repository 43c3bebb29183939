using System.Net.Http.Json;
using Rca.Contracts;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Api;

/// <summary>The check API names the server that ran each check (<c>Server:Name</c>).</summary>
[Collection(HostCollection.Name)]
public sealed class CheckServerTests
{
    [Theory]
    [InlineData("node-a", "node-a")]
    [InlineData(null, null)]
    public async Task Checks_NameServer(string? configured, string? expected)
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct, f => f.Settings["Server:Name"] = configured);
        using var client = factory.CreateClient();

        var checks = await client.GetFromJsonAsync<Page<KpiCheckDto>>("/api/v1/kpis/failure-rate/checks", ct);

        Assert.Equal(3, checks!.Total);
        Assert.All(checks.Items, c => Assert.Equal(expected ?? $"{Environment.MachineName}:{Environment.ProcessId}", c.Server));
    }
}
