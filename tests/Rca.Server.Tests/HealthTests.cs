using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Rca.Server.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_ReturnsOk()
    {
        await using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
