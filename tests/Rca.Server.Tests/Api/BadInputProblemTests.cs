using System.Net;
using System.Text;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Api;

/// <summary>Problem details for bad input name it as the client sent it and state what was expected.</summary>
[Collection(HostCollection.Name)]
public sealed class BadInputProblemTests
{
    private const string Kpi = """{"name":"errors","source":{"database":"test"},"measurement":"requests","field":"failures","attributes":["region"],"interval":"1m","forecast":{"method":"mean","history":4}}""";

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task TruncatedBody_NamesPathAndPositionOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);

        using var response = await client.PostAsync("/api/v1/incidents/1/acknowledge", Json("{\"comment\":"), ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "Bad request");
        Assert.Equal("The request body is not valid JSON at $.comment (line 1, byte 12). The body ends before an object or array is closed, so it may be truncated.", problem.Detail);
    }

    [Fact]
    public async Task NumberForString_SaysStringExpected()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);

        using var response = await client.PostAsync("/api/v1/incidents/1/acknowledge", Json("{\"comment\":5}"), ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "Bad request");
        Assert.Equal("The request body has an invalid value at $.comment (line 1, byte 13). Expected a string.", problem.Detail);
    }

    [Fact]
    public async Task KpiUnknownMeasure_ListsAllowedValues()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);
        var body = Kpi.Replace("\"field\"", "\"measure\":\"avg\",\"field\"", StringComparison.Ordinal);

        using var response = await client.PostAsync("/api/v1/kpis/test", Json(body), ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "Invalid KPI definition");
        Assert.Equal(["measure"], problem.Errors.Keys);
        Assert.Equal(["is invalid (line 1, byte 87): Expected one of: sum, ratio."], problem.Errors["measure"]);
    }

    [Fact]
    public async Task KpiUnknownProperty_ListsKnownOnes()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);
        var body = Kpi.Replace("\"field\"", "\"fieldName\"", StringComparison.Ordinal);
        var nested = Kpi.Replace("\"history\"", "\"depth\"", StringComparison.Ordinal);

        using var response = await client.PostAsync("/api/v1/kpis/test", Json(body), ct);
        using var nestedResponse = await client.PostAsync("/api/v1/kpis/test", Json(nested), ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "Invalid KPI definition");
        Assert.Equal(["fieldName"], problem.Errors.Keys);
        Assert.Equal(["is not a known property (line 1, byte 84): Expected one of: name, description, source, measurement, measure, field, denominatorField, attributes, interval, schedule, labelDelay, forecast, detection, localizer, channels, enabled."], problem.Errors["fieldName"]);
        var nestedProblem = await ProblemAssert.IsProblemAsync(nestedResponse, HttpStatusCode.BadRequest, "Invalid KPI definition");
        Assert.Equal(["forecast.depth"], nestedProblem.Errors.Keys);
        Assert.Equal(["is not a known property (line 1, byte 167): Expected one of: method, history, season, alpha."], nestedProblem.Errors["forecast.depth"]);
    }

    [Fact]
    public async Task BadDateTimeQuery_SaysIso8601Expected()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/v1/accuracy?from=yesterday", ct);
        using var limit = await client.GetAsync("/api/v1/incidents?limit=ten", ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "Bad request");
        Assert.Equal("The query parameter 'from' is invalid: 'yesterday'. Expected an ISO 8601 date-time such as 2026-12-04T10:00:00Z.", problem.Detail);
        var limitProblem = await ProblemAssert.IsProblemAsync(limit, HttpStatusCode.BadRequest, "Bad request");
        Assert.Equal("The query parameter 'limit' is invalid: 'ten'. Expected an integer.", limitProblem.Detail);
    }

    [Fact]
    public async Task WrongApiKey_TitledInvalidApiKey()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var wrong = factory.CreateClient("rca_0123456789ab_wrong");
        using var chinese = factory.CreateClient("rca_0123456789ab_wrong");
        chinese.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await wrong.GetAsync("/api/v1/incidents", ct);
        using var translated = await chinese.GetAsync("/api/v1/incidents", ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "Invalid API key");
        Assert.Equal("The API key is invalid or was deleted.", problem.Detail);
        await ProblemAssert.IsProblemAsync(translated, HttpStatusCode.Unauthorized, "API 密钥无效");
    }
}
