using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rca.Contracts;
using Rca.Server.Localizations;
using Rca.Server.Storage;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Api;

[Collection(HostCollection.Name)]
public sealed class LocalizeApiTests
{
    private const string GoodJson = """
        {"attributes":["region","isp"],"measure":"sum","leaves":[
          {"values":["eu","a"],"actual":20,"forecast":100},
          {"values":["eu","b"],"actual":25,"forecast":100},
          {"values":["us","a"],"actual":101,"forecast":100},
          {"values":["us","b"],"actual":99,"forecast":100}]}
        """;

    private const string GoodCsv = "real,predict,region,isp\n20,100,eu,a\n25,100,eu,b\n101,100,us,a\n99,100,us,b\n";

    /// <summary>
    /// Each bad upload: a name and the body (JSON, one CSV file, or "a:...|b:..." for a ratio pair).
    /// <see cref="Expected"/> contains a part of each expected problem detail.
    /// </summary>
    public static TheoryData<string, string> BadUploads => new()
    {
        { "json-empty-body", "" },
        { "json-not-object", "[1,2]" },
        { "json-no-attributes", """{"measure":"sum","leaves":[{"values":["a"],"actual":1,"forecast":1}]}""" },
        { "json-no-leaves", """{"attributes":["a"],"measure":"sum","leaves":[]}""" },
        { "json-bad-measure", """{"attributes":["a"],"measure":"mean","leaves":[{"values":["x"],"actual":1,"forecast":1}]}""" },
        { "json-nan", """{"attributes":["a"],"leaves":[{"values":["x"],"actual":NaN,"forecast":1}]}""" },
        { "json-negative", """{"attributes":["a"],"leaves":[{"values":["x"],"actual":-1,"forecast":1}]}""" },
        { "json-missing-forecast", """{"attributes":["a"],"leaves":[{"values":["x"],"actual":1}]}""" },
        { "json-duplicate-leaf", """{"attributes":["a"],"leaves":[{"values":["x"],"actual":1,"forecast":1},{"values":["x"],"actual":2,"forecast":1}]}""" },
        { "json-value-count", """{"attributes":["a","b"],"leaves":[{"values":["x"],"actual":1,"forecast":1}]}""" },
        { "json-formula-name", """{"attributes":["=cmd|' /C calc'!A0"],"leaves":[{"values":["x"],"actual":1,"forecast":1}]}""" },
        { "json-markup-name", """{"attributes":["<script>alert(1)</script>"],"leaves":[{"values":["x"],"actual":1,"forecast":1}]}""" },
        { "json-repeated-name", """{"attributes":["a","a"],"leaves":[{"values":["x","y"],"actual":1,"forecast":1}]}""" },
        { "json-ratio-no-denominator", """{"attributes":["a"],"measure":"ratio","leaves":[{"values":["x"],"actual":1,"forecast":1}]}""" },
        { "json-sum-with-denominator", """{"attributes":["a"],"measure":"sum","leaves":[{"values":["x"],"actual":1,"forecast":1,"actualDenominator":2}]}""" },
        { "json-separator-in-value", """{"attributes":["a"],"leaves":[{"values":["x&y"],"actual":1,"forecast":1}]}""" },
        { "json-control-in-value", """{"attributes":["a"],"leaves":[{"values":["x\u0000"],"actual":1,"forecast":1}]}""" },
        { "json-unknown-algorithm", """{"attributes":["a"],"algorithm":"magic","leaves":[{"values":["x"],"actual":1,"forecast":1}]}""" },
        { "json-table-and-kpi", """{"attributes":["a"],"kpi":"failure-rate","time":"2026-03-01T11:00:00Z"}""" },
        { "csv-empty", "" },
        { "csv-wrong-header", "actual,forecast,region\n1,2,eu\n" },
        { "csv-nan", "real,predict,region\nNaN,2,eu\n" },
        { "csv-negative", "real,predict,region\n-5,2,eu\n" },
        { "csv-duplicate-leaf", "real,predict,region\n1,2,eu\n3,4,eu\n" },
        { "csv-formula-name", "real,predict,=cmd|' /C calc'!A0\n1,2,eu\n" },
        { "csv-markup-name", "real,predict,<script>alert(1)</script>\n1,2,eu\n" },
        { "csv-not-utf8", "real,predict,region\n1,2,\u00ff\u00fe\n" },
        { "csv-unclosed-quote", "real,predict,region\n1,2,\"eu\n" },
        { "csv-mismatched-ab", "a:real,predict,region\n1,2,eu\n|b:real,predict,region\n1,2,us\n" },
        { "csv-only-a", "a:real,predict,region\n1,2,eu\n" },
    };

    private static readonly Dictionary<string, string> Expected = new()
    {
        ["json-empty-body"] = "The body is not valid JSON",
        ["json-not-object"] = "The body is not valid JSON",
        ["json-no-attributes"] = "'attributes' must list at least one attribute name.",
        ["json-no-leaves"] = "'leaves' must contain at least one leaf.",
        ["json-bad-measure"] = "'measure' must be sum or ratio, got 'mean'.",
        ["json-nan"] = "The body is not valid JSON",
        ["json-negative"] = "'leaves[0].actual' must be a finite number of at least 0, got -1.",
        ["json-missing-forecast"] = "'leaves[0].forecast' is required.",
        ["json-duplicate-leaf"] = "'leaves[1]' repeats the attribute values of 'leaves[0]'.",
        ["json-value-count"] = "'leaves[0].values' must have 2 values (one per attribute), got 1.",
        ["json-formula-name"] = "'attributes[0]' must start with a letter, a digit or '_'.",
        ["json-markup-name"] = "'attributes[0]' must start with a letter, a digit or '_'.",
        ["json-repeated-name"] = "'attributes[1]' repeats attribute 'a'.",
        ["json-ratio-no-denominator"] = "'leaves[0].actualDenominator' is required.",
        ["json-sum-with-denominator"] = "'leaves[0]' has denominators, but 'measure' is sum",
        ["json-separator-in-value"] = "'leaves[0].values[0]' must not contain '&'",
        ["json-control-in-value"] = "'leaves[0].values[0]' must not contain control characters, found U+0000.",
        ["json-unknown-algorithm"] = "'algorithm' must be one of psqueeze, squeeze, got 'magic'.",
        ["json-table-and-kpi"] = "Send either an uploaded table (attributes, measure, leaves) or a KPI window (kpi, time), not both.",
        ["csv-empty"] = "upload.csv",
        ["csv-wrong-header"] = "upload.csv:1",
        ["csv-nan"] = "upload.csv:2:1",
        ["csv-negative"] = "upload.csv:2:1",
        ["csv-duplicate-leaf"] = "upload.csv:3",
        ["csv-formula-name"] = "Attribute column 1 of the header is invalid: the name must start with a letter, a digit or '_'.",
        ["csv-markup-name"] = "Attribute column 1 of the header is invalid: the name must start with a letter, a digit or '_'.",
        ["csv-not-utf8"] = "upload.csv",
        ["csv-unclosed-quote"] = "upload.csv:2",
        ["csv-mismatched-ab"] = "is missing from the denominator file",
        ["csv-only-a"] = "Send one form file 'file'",
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task Localize_BadUpload_Returns400(string name, string body)
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);

        using var response = await client.PostAsync("/api/v1/localize", Content(name, body), ct);

        var text = await response.Content.ReadAsStringAsync(ct);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "Invalid leaf table");
        Assert.Contains(Expected[name], problem.Detail);
        Assert.DoesNotContain("<script>", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await factory.QueryAsync(db => db.Set<LocalizationRecord>().CountAsync(ct)));
    }

    [Fact]
    public async Task Localize_Oversized_Returns413()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new ServerFactory(TestKpis.SeedJson);
        factory.Settings["Api:MaxUploadBytes"] = "2048";
        factory.Settings["Api:MaxBodyBytes"] = "1024";
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);
        var csv = "real,predict,region\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"1,2,r{i}\n"));

        using var response = await client.PostAsync("/api/v1/localize", Content("csv-big", csv), ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "Request body too large");
        Assert.Contains("more than the limit of 2048 bytes", problem.Detail);
        Assert.Equal(0, await factory.QueryAsync(db => db.Set<LocalizationRecord>().CountAsync(ct)));
    }

    [Fact]
    public async Task Localize_TooManyLeaves_Returns400()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new ServerFactory(TestKpis.SeedJson);
        factory.Settings["Api:MaxSyncLeaves"] = "2";
        factory.Settings["Api:MaxUploadLeaves"] = "3";
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);

        using var response = await client.PostAsync("/api/v1/localize", Content("csv", GoodCsv), ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "Too many leaves");
        Assert.Equal("The upload has 4 leaves, more than Api:MaxUploadLeaves = 3.", problem.Detail);
    }

    [Fact]
    public async Task Localize_JsonAndCsv_FindSameCause()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);
        factory.Localizer.Result = [ScriptedLocalizer.Set("region=eu", gps: 0.95)];

        using var json = await client.PostAsync("/api/v1/localize", new StringContent(GoodJson, Encoding.UTF8, "application/json"), ct);
        using var csv = await client.PostAsync("/api/v1/localize", Content("csv", GoodCsv), ct);

        var fromJson = await json.Content.ReadFromJsonAsync<LocalizationResultDto>(ct);
        var fromCsv = await csv.Content.ReadFromJsonAsync<LocalizationResultDto>(ct);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(4, fromJson!.LeafCount);
        Assert.Equal(245, fromJson.Actual);
        Assert.Equal(400, fromJson.Forecast);
        Assert.Equal(["region=eu"], fromJson.RootCauseSets[0].Combinations);
        Assert.False(fromJson.External);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal(4, fromCsv!.LeafCount);
        Assert.Equal(245, fromCsv.Actual);
        Assert.Equal(2, factory.Localizer.Tables.Count);
        Assert.Equal(["region", "isp"], factory.Localizer.Tables[1].AttributeNames);
    }

    [Fact]
    public async Task Localize_Psqueeze_FindsInjectedCause()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new ServerFactory(TestKpis.SeedJson, influxUrl: new Uri("http://127.0.0.1:9"));
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);
        var rows = new StringBuilder("real,predict,region,isp\n");
        foreach (var region in new[] { "eu", "us", "ap", "sa" })
        {
            foreach (var isp in new[] { "a", "b", "c" })
            {
                rows.Append(region == "eu" ? 20 : 100).Append(",100,").Append(region).Append(',').Append(isp).Append('\n');
            }
        }

        using var response = await client.PostAsync("/api/v1/localize", Content("csv", rows.ToString()), ct);

        var result = await response.Content.ReadFromJsonAsync<LocalizationResultDto>(ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["region=eu"], Assert.Single(result!.RootCauseSets).Combinations);
    }

    [Fact]
    public async Task Localize_Large_RunsInBackground()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new ServerFactory(TestKpis.SeedJson);
        factory.Settings["Api:MaxSyncLeaves"] = "3";
        factory.Localizer.Result = [ScriptedLocalizer.Set("region=eu", gps: 0.95)];
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);

        using var accepted = await client.PostAsync("/api/v1/localize", new StringContent(GoodJson, Encoding.UTF8, "application/json"), ct);
        var queued = await accepted.Content.ReadFromJsonAsync<LocalizationStatusDto>(ct);
        var before = await client.GetFromJsonAsync<LocalizationStatusDto>(accepted.Headers.Location!.ToString(), ct);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LocalizationJob>().RunAsync(queued!.Id, "psqueeze", ct);
        }

        var after = await client.GetFromJsonAsync<LocalizationStatusDto>(accepted.Headers.Location!.ToString(), ct);
        using var missing = await client.GetAsync("/api/v1/localizations/999", ct);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal($"/api/v1/localizations/{queued!.Id}", accepted.Headers.Location!.ToString());
        Assert.Equal("queued", before!.Status);
        Assert.Equal(4, before.LeafCount);
        Assert.Equal("succeeded", after!.Status);
        Assert.Equal(["region=eu"], after.Result!.RootCauseSets[0].Combinations);
        Assert.NotNull(after.FinishedAt);
        Assert.Null(await factory.QueryAsync(db => db.Set<LocalizationRecord>().Select(l => l.Input).SingleAsync(ct)));
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, "Localization not found");
    }

    [Fact]
    public async Task Localize_KpiWindow_ReadsSource()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new ServerFactory(TestKpis.SeedJson);
        var anomaly = ServerFactory.Start.AddMinutes(-10);
        TestKpis.AddMinutes(factory.Source, ServerFactory.Start.AddMinutes(-30), ServerFactory.Start, anomaly);
        factory.Localizer.Result = [ScriptedLocalizer.Set("region=eu", gps: 0.95)];
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);

        using var accepted = await client.PostAsJsonAsync("/api/v1/localize", new { kpi = TestKpis.Name, time = anomaly.AddSeconds(30) }, ct);
        var queued = await accepted.Content.ReadFromJsonAsync<LocalizationStatusDto>(ct);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LocalizationJob>().RunAsync(queued!.Id, "psqueeze", ct);
        }

        var after = await client.GetFromJsonAsync<LocalizationStatusDto>($"/api/v1/localizations/{queued!.Id}", ct);
        using var unknown = await client.PostAsJsonAsync("/api/v1/localize", new { kpi = "nope", time = anomaly }, ct);
        using var future = await client.PostAsJsonAsync("/api/v1/localize", new { kpi = TestKpis.Name, time = ServerFactory.Start }, ct);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(anomaly, queued.WindowStart);
        Assert.Equal("succeeded", after!.Status);
        Assert.Equal(8, after.LeafCount);
        Assert.Equal((2 * 40 + 6 * 7) / 800.0, after.Result!.Actual, 12);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "KPI not found");
        await ProblemAssert.IsProblemAsync(future, HttpStatusCode.BadRequest, "Invalid leaf table");
    }

    [Fact]
    public async Task Localize_RateLimited_Returns429()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new ServerFactory(TestKpis.SeedJson);
        factory.Settings["Api:LocalizeRateLimit"] = "2";
        factory.Settings["Api:LocalizeRateWindowSeconds"] = "3600";
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);
        var other = await ApiTestHost.CreateKeyAsync(factory, "other", ["write"], ct);
        using var otherClient = factory.CreateClient(other);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsync("/api/v1/localize", new StringContent(GoodJson, Encoding.UTF8, "application/json"), ct);
            statuses.Add(response.StatusCode);
            if (i == 2)
            {
                var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "Too many requests");
                Assert.Contains("More than 2 requests in 3600 s", problem.Detail);
                Assert.True(response.Headers.RetryAfter is not null);
            }
        }

        using var otherKey = await otherClient.PostAsync("/api/v1/localize", new StringContent(GoodJson, Encoding.UTF8, "application/json"), ct);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode);
    }

    [Fact]
    public async Task Localize_MarkupValue_IsEscaped()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new ServerFactory(TestKpis.SeedJson);
        factory.Localizer.Result = [ScriptedLocalizer.Set("region=<img src=x onerror=alert(1)>", gps: 0.95)];
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);
        var body = """{"attributes":["region"],"leaves":[{"values":["<img src=x onerror=alert(1)>"],"actual":1,"forecast":9},{"values":["ok"],"actual":5,"forecast":5}]}""";

        using var response = await client.PostAsync("/api/v1/localize", new StringContent(body, Encoding.UTF8, "application/json"), ct);

        var text = await response.Content.ReadAsStringAsync(ct);
        var result = await response.Content.ReadFromJsonAsync<LocalizationResultDto>(ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<img", text);
        Assert.Contains("\\u003Cimg", text);
        Assert.Equal("region=<img src=x onerror=alert(1)>", result!.RootCauseSets[0].Combinations[0]);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private static HttpContent Content(string name, string body)
    {
        if (name.StartsWith("json", StringComparison.Ordinal))
        {
            return new StringContent(body, Encoding.UTF8, "application/json");
        }

        var form = new MultipartFormDataContent();
        if (body.StartsWith("a:", StringComparison.Ordinal))
        {
            var parts = body.Split('|');
            form.Add(File(parts[0][2..]), "a", "upload.a.csv");
            if (parts.Length > 1)
            {
                form.Add(File(parts[1][2..]), "b", "upload.b.csv");
            }

            return form;
        }

        form.Add(File(body, name == "csv-not-utf8"), "file", "upload.csv");
        return form;
    }

    private static ByteArrayContent File(string text, bool latin1 = false)
    {
        var content = new ByteArrayContent(latin1 ? Encoding.Latin1.GetBytes(text) : Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }
}
