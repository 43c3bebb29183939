using System.Text.Json;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Api;

[Collection(HostCollection.Name)]
public sealed class OpenApiTests
{
    [Fact]
    public async Task OpenApi_ListsRoutesWithSummaries()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var client = factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", ct));

        var paths = document.RootElement.GetProperty("paths");
        string[] expected =
        [
            "/api/v1/incidents", "/api/v1/incidents/{id}", "/api/v1/incidents/{id}/acknowledge", "/api/v1/incidents/{id}/resolve",
            "/api/v1/incidents/{id}/reopen", "/api/v1/incidents/{id}/feedback", "/api/v1/incidents/{id}/drilldown", "/api/v1/accuracy",
            "/api/v1/kpis", "/api/v1/kpis/{name}", "/api/v1/kpis/test", "/api/v1/kpis/{name}/checks", "/api/v1/keys", "/api/v1/keys/{id}",
            "/api/v1/localize", "/api/v1/localizations/{id}", "/api/v1/webhooks/alertmanager", "/api/v1/webhooks/grafana", "/api/v1/notifications",
        ];
        foreach (var path in expected)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"missing {path}");
            foreach (var operation in item.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete"))
            {
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("summary").GetString()), $"{operation.Name} {path} has no summary");
                Assert.True(operation.Value.TryGetProperty("operationId", out _), $"{operation.Name} {path} has no operationId");
                Assert.True(operation.Value.TryGetProperty("tags", out _), $"{operation.Name} {path} has no tags");
            }
        }

        var create = paths.GetProperty("/api/v1/kpis").GetProperty("post");
        Assert.Contains("'write' scope", create.GetProperty("description").GetString());
        Assert.True(document.RootElement.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKey", out _));
        var example = create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("checkout-errors", example.GetProperty("name").GetString());
        var localizeExample = paths.GetProperty("/api/v1/localize").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal(4, localizeExample.GetProperty("leaves").GetArrayLength());
    }

    [Fact]
    public async Task Docs_ServesScalarPage()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/docs/v1", ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync(ct);
        Assert.Contains("\"url\":\"openapi/v1.json\"", page);
    }
}
