using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Rca.Contracts;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Api;

[Collection(HostCollection.Name)]
public sealed class SecurityTests
{
    private static readonly StatusChangeRequest Comment = new("looking");

    [Fact]
    public async Task Mutation_WithoutKey_Returns401Problem()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/incidents/1/acknowledge", Comment, ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "API key required");
        Assert.Contains("X-Api-Key", problem.Detail);
        Assert.Equal("ApiKey", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Mutation_InvalidKey_Returns401Problem()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        using var client = factory.CreateClient("rca_0123456789ab_not-the-secret");

        using var response = await client.PostAsJsonAsync("/api/v1/incidents/1/acknowledge", Comment, ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "Invalid API key");
        Assert.Equal("The API key is invalid or was deleted.", problem.Detail);
    }

    [Fact]
    public async Task Mutation_ReadKey_Returns403Problem()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        var key = await ApiTestHost.CreateKeyAsync(factory, "dashboards", ["read"], ct);
        using var client = factory.CreateClient(key);

        using var response = await client.PostAsJsonAsync("/api/v1/incidents/1/acknowledge", Comment, ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "API key lacks the required scope");
        Assert.Equal("The API key 'dashboards' does not have the 'write' scope that this endpoint needs.", problem.Detail);
    }

    [Fact]
    public async Task Mutation_WriteKeyInAuthorization_Succeeds()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        var key = await ApiTestHost.CreateKeyAsync(factory, "runbook", ["write"], ct);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/incidents/1/acknowledge") { Content = JsonContent.Create(Comment) };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);

        using var response = await client.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<IncidentSummary>(ct);
        Assert.Equal("acknowledged", summary!.Status);
    }

    [Fact]
    public async Task Read_InvalidKey_Returns401EvenWhenAnonymousAllowed()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        using var anonymous = factory.CreateClient();
        using var wrong = factory.CreateClient("rca_0123456789ab_wrong");

        using var open = await anonymous.GetAsync("/api/v1/incidents", ct);
        using var rejected = await wrong.GetAsync("/api/v1/incidents", ct);

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        await ProblemAssert.IsProblemAsync(rejected, HttpStatusCode.Unauthorized, "Invalid API key");
    }

    [Fact]
    public async Task Read_AnonymousReadOff_Returns401()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct, f => f.Settings["Api:AnonymousRead"] = "false");
        var key = await ApiTestHost.CreateKeyAsync(factory, "reader", ["read"], ct);
        using var anonymous = factory.CreateClient();
        using var reader = factory.CreateClient(key);

        using var rejected = await anonymous.GetAsync("/api/v1/incidents", ct);
        using var allowed = await reader.GetAsync("/api/v1/incidents", ct);

        await ProblemAssert.IsProblemAsync(rejected, HttpStatusCode.Unauthorized, "API key required");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Keys_CreateListDelete()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        using var admin = factory.CreateClient(ServerFactory.BootstrapKey);

        using var created = await admin.PostAsJsonAsync("/api/v1/keys", new ApiKeyCreateRequest("ci", ["write"]), ct);
        var key = await created.Content.ReadFromJsonAsync<ApiKeyCreated>(ct);
        var listText = await admin.GetStringAsync("/api/v1/keys", ct);
        using var user = factory.CreateClient(key!.Key);
        using var before = await user.PostAsJsonAsync("/api/v1/incidents/1/acknowledge", Comment, ct);
        using var deleted = await admin.DeleteAsync($"/api/v1/keys/{key.Summary.Id}", ct);
        using var after = await user.PostAsJsonAsync("/api/v1/incidents/2/acknowledge", Comment, ct);
        using var again = await admin.DeleteAsync($"/api/v1/keys/{key.Summary.Id}", ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith($"rca_{key.Summary.Id}_", key.Key);
        Assert.Equal(["write"], key.Summary.Scopes);
        Assert.Contains("\"ci\"", listText);
        Assert.DoesNotContain(key.Key, listText);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAssert.IsProblemAsync(after, HttpStatusCode.Unauthorized, "Invalid API key");
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.NotFound, "API key not found");
    }

    [Fact]
    public async Task Keys_WriteKeyCannotCreateKeys()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        var key = await ApiTestHost.CreateKeyAsync(factory, "writer", ["write"], ct);
        using var writer = factory.CreateClient(key);
        using var admin = factory.CreateClient(ServerFactory.BootstrapKey);

        using var forbidden = await writer.PostAsJsonAsync("/api/v1/keys", new ApiKeyCreateRequest("x", ["admin"]), ct);
        using var invalid = await admin.PostAsJsonAsync("/api/v1/keys", new ApiKeyCreateRequest("", ["root"]), ct);

        var problem = await ProblemAssert.IsProblemAsync(forbidden, HttpStatusCode.Forbidden, "API key lacks the required scope");
        Assert.Contains("'admin' scope", problem.Detail);
        var validation = await ProblemAssert.IsProblemAsync(invalid, HttpStatusCode.BadRequest, "Invalid API key request");
        Assert.Equal(["must be 1 to 200 characters without control characters."], validation.Errors["name"]);
        Assert.Equal(["must list one or more of read, write, admin, got [root]."], validation.Errors["scopes"]);
    }

    [Fact]
    public async Task Dashboard_NeedsAdminKeyOrCookie()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        var writeKey = await ApiTestHost.CreateKeyAsync(factory, "writer", ["write"], ct);
        using var anonymous = factory.CreateClient();
        using var writer = factory.CreateClient(writeKey);
        using var admin = factory.CreateClient(ServerFactory.BootstrapKey);

        using var noKey = await anonymous.GetAsync("/hangfire", ct);
        using var notAdmin = await writer.GetAsync("/hangfire", ct);
        using var withKey = await admin.GetAsync("/hangfire", ct);

        await ProblemAssert.IsProblemAsync(noKey, HttpStatusCode.Unauthorized, "Unauthorized");
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        Assert.Contains("RcaService jobs", await withKey.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task Dashboard_LoginSetsCookie()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        using var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        using var form = await browser.GetAsync("/dashboard/login", ct);
        using var wrongLogin = await browser.PostAsync("/dashboard/login", new FormUrlEncodedContent([new("key", "rca_0123456789ab_wrong")]), ct);
        using var login = await browser.PostAsync("/dashboard/login", new FormUrlEncodedContent([new("key", ServerFactory.BootstrapKey)]), ct);
        using var dashboard = await browser.GetAsync("/hangfire", ct);

        Assert.Equal("text/html", form.Content.Headers.ContentType?.MediaType);
        await ProblemAssert.IsProblemAsync(wrongLogin, HttpStatusCode.Unauthorized, "Invalid API key");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/hangfire", login.Headers.Location?.ToString());
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("rca_dashboard=", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }
}
