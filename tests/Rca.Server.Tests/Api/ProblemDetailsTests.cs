using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Api;

[Collection(HostCollection.Name)]
public sealed class ProblemDetailsTests
{
    [Fact]
    public async Task UnknownApiRoute_Returns404Problem()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/v1/nothing-here", ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "Not found");
        Assert.Equal("No endpoint matches GET /api/v1/nothing-here.", problem.Detail);
    }

    [Fact]
    public async Task WrongMethod_Returns405Problem()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);

        using var response = await client.DeleteAsync("/api/v1/incidents", ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed, "Method not allowed");
        Assert.Equal("/api/v1/incidents does not accept DELETE.", problem.Detail);
    }

    [Fact]
    public async Task WrongContentType_Returns415Problem()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);

        using var response = await client.PutAsync("/api/v1/incidents/1/feedback", new StringContent("verdict=correct", Encoding.UTF8, "text/plain"), ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Unsupported media type");
    }

    [Fact]
    public async Task LargeBody_Returns413Problem()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct, f => f.Settings["Api:MaxBodyBytes"] = "2048");
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);
        var body = "{\"verdict\":\"correct\",\"comment\":\"" + new string('x', 3000) + "\"}";

        using var declared = await client.PutAsync("/api/v1/incidents/1/feedback", new StringContent(body, Encoding.UTF8, "application/json"), ct);
        using var chunkedContent = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        chunkedContent.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/incidents/1/feedback") { Content = chunkedContent };
        request.Headers.TransferEncodingChunked = true;
        using var chunked = await client.SendAsync(request, ct);

        var problem = await ProblemAssert.IsProblemAsync(declared, HttpStatusCode.RequestEntityTooLarge, "Request body too large");
        Assert.Contains("more than the limit of 2048 bytes", problem.Detail);
        await ProblemAssert.IsProblemAsync(chunked, HttpStatusCode.RequestEntityTooLarge, "Request body too large");
    }

    [Fact]
    public async Task BadQueryParameter_Returns400ProblemNamingIt()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/v1/incidents?limit=ten", ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "Bad request");
        Assert.Contains("limit", problem.Detail);
        Assert.Contains("ten", problem.Detail);
    }

    [Fact]
    public async Task MalformedJson_Returns400ProblemWithPosition()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);

        using var response = await client.PutAsync("/api/v1/incidents/1/feedback", new StringContent("{\"verdict\": tru", Encoding.UTF8, "application/json"), ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "Bad request");
        Assert.Contains("line 1", problem.Detail);
    }

    [Fact]
    public async Task AcceptLanguageChinese_TranslatesTitles()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9,en;q=0.5");

        using var unknownRoute = await client.GetAsync("/api/v1/nothing-here", ct);
        using var unknownIncident = await client.GetAsync("/api/v1/incidents/42", ct);
        using var noKey = await client.PostAsync("/api/v1/incidents/42/resolve", null, ct);

        await ProblemAssert.IsProblemAsync(unknownRoute, HttpStatusCode.NotFound, "未找到");
        await ProblemAssert.IsProblemAsync(unknownIncident, HttpStatusCode.NotFound, "未找到事件");
        await ProblemAssert.IsProblemAsync(noKey, HttpStatusCode.Unauthorized, "需要 API 密钥");
        Assert.Equal("zh-Hans", unknownRoute.Content.Headers.ContentLanguage.Single());
    }
}
