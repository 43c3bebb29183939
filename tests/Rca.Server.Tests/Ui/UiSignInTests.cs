using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Rca.Contracts;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Ui;

/// <summary>The dashboard's sign-in gate with <c>Api:AnonymousRead</c> false, and its absence by default.</summary>
[Collection(HostCollection.Name)]
public sealed class UiSignInTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnonymousRead_OpensPagesWithoutSignIn()
    {
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var client = NoRedirects(factory);

        using var kpis = await client.GetAsync("/kpis", Token);
        var html = await kpis.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.OK, kpis.StatusCode);
        Assert.Contains("id=\"kpi-list\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"kpi-new\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"sign-out\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_RedirectsPagesAndRejectsCircuit()
    {
        using var factory = Private();
        using var client = NoRedirects(factory);

        using var page = await client.GetAsync("/kpis?tab=checks", Token);
        using var root = await client.GetAsync("/", Token);
        using var circuit = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, Token);
        using var signIn = await client.GetAsync("/signin?returnUrl=%2Fkpis", Token);
        var signInHtml = await signIn.Content.ReadAsStringAsync(Token);
        using var api = await client.GetAsync("/api/v1/incidents", Token);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/signin?returnUrl=%2Fkpis%3Ftab%3Dchecks", page.Headers.Location!.OriginalString);
        Assert.Equal("/signin?returnUrl=%2F", root.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, circuit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("action=\"/ui/signin\"", signInHtml, StringComparison.Ordinal);
        Assert.Contains("name=\"returnUrl\" value=\"/kpis\"", signInHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task ReadKey_OpensPagesReadOnly()
    {
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(Token, PrivateSettings);
        using var client = NoRedirects(factory);
        var key = await ApiTestHost.CreateKeyAsync(factory, "oncall-reader", ["read"], Token);

        using var signIn = await SignInAsync(client, key, "/kpis");
        var cookie = SessionCookie(signIn);
        using var kpis = await GetWithCookieAsync(client, "/kpis", cookie);
        var html = await kpis.Content.ReadAsStringAsync(Token);
        using var api = await GetWithCookieAsync(client, "/api/v1/incidents", cookie);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/kpis", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, kpis.StatusCode);
        Assert.Contains("id=\"kpi-list\"", html, StringComparison.Ordinal);
        Assert.Contains("Signed in as oncall-reader", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"kpi-new\"", html, StringComparison.Ordinal);

        // The session opens only the dashboard, so the API still requires a key in a header.
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);

        await using var scope = new UiScope(factory.Services, UiScope.UserOf(factory.Services, cookie));
        var incident = (await scope.Get<IIncidentQueries>().ListAsync(new IncidentQuery(null, null, null, 0, 1), Token)).Value!.Items[0];
        var change = await scope.Get<IIncidentCommands>().ChangeStatusAsync(incident.Id, "acknowledged", null, Token);
        Assert.False(scope.Get<IKpiCommands>().CanChangeKpis);
        Assert.False(scope.Get<IIncidentCommands>().CanChangeIncidents);
        Assert.Equal("The signed-in API key does not have the 'write' scope that changes need.", change.Error);
    }

    [Fact]
    public async Task WriteKey_ChangesWithKeyName()
    {
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(Token, PrivateSettings);
        using var client = NoRedirects(factory);
        var key = await ApiTestHost.CreateKeyAsync(factory, "oncall-writer", ["write"], Token);

        using var signIn = await SignInAsync(client, key, "/kpis");
        var cookie = SessionCookie(signIn);
        using var kpis = await GetWithCookieAsync(client, "/kpis", cookie);
        var html = await kpis.Content.ReadAsStringAsync(Token);
        await using var scope = new UiScope(factory.Services, UiScope.UserOf(factory.Services, cookie));
        var incident = (await scope.Get<IIncidentQueries>().ListAsync(new IncidentQuery(null, null, null, 0, 1), Token)).Value!.Items[0];
        var change = await scope.Get<IIncidentCommands>().ChangeStatusAsync(incident.Id, "acknowledged", null, Token);
        var detail = await scope.Get<IIncidentQueries>().GetAsync(incident.Id, Token);

        Assert.Contains("id=\"kpi-new\"", html, StringComparison.Ordinal);
        Assert.True(scope.Get<IKpiCommands>().CanChangeKpis);
        Assert.Equal("acknowledged", change.Value!.Status);
        Assert.Equal("dashboard:oncall-writer", Assert.Single(detail.Value!.History).Actor);
    }

    [Fact]
    public async Task BadKey_RedirectsWithError()
    {
        using var factory = Private();
        using var client = NoRedirects(factory);
        var key = await ApiTestHost.CreateKeyAsync(factory, "oncall-reader", ["read"], Token);

        using var wrong = await SignInAsync(client, "not-a-key-0123456789", "/kpis");
        using var missing = await SignInAsync(client, "", "/system");
        using var elsewhere = await SignInAsync(client, key, "https://evil.example/");

        Assert.Equal("/signin?error=invalid&returnUrl=%2Fkpis", wrong.Headers.Location!.OriginalString);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
        Assert.Equal("/signin?error=missing&returnUrl=%2Fsystem", missing.Headers.Location!.OriginalString);
        Assert.Equal("/", elsewhere.Headers.Location!.OriginalString);
        Assert.NotNull(SessionCookie(elsewhere));
    }

    [Fact]
    public async Task Session_ExpiresAfterEightHours()
    {
        using var factory = Private();
        using var client = NoRedirects(factory);
        var key = await ApiTestHost.CreateKeyAsync(factory, "oncall-reader", ["read"], Token);
        using var signIn = await SignInAsync(client, key, "/system");
        var cookie = SessionCookie(signIn);

        factory.Clock.Now = ServerFactory.Start.AddHours(8).AddMinutes(-1);
        using var before = await GetWithCookieAsync(client, "/calibration", cookie);
        factory.Clock.Now = ServerFactory.Start.AddHours(8);
        using var after = await GetWithCookieAsync(client, "/calibration", cookie);
        using var signOut = await client.PostAsync("/ui/signout", null, Token);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/signin?returnUrl=%2Fcalibration", after.Headers.Location!.OriginalString);
        Assert.Equal("/signin", signOut.Headers.Location!.OriginalString);
        Assert.StartsWith("rca_ui_session=;", signOut.Headers.GetValues("Set-Cookie").Single(), StringComparison.Ordinal);
    }

    private static void PrivateSettings(ServerFactory factory) => factory.Settings["Api:AnonymousRead"] = "false";

    private static ServerFactory Private()
    {
        var factory = new ServerFactory(TestKpis.SeedJson);
        PrivateSettings(factory);
        return factory;
    }

    private static HttpClient NoRedirects(ServerFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string key, string returnUrl) =>
        client.PostAsync("/ui/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = key, ["returnUrl"] = returnUrl }), Token);

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith("rca_ui_session=", StringComparison.Ordinal));

    private static async Task<HttpResponseMessage> GetWithCookieAsync(HttpClient client, string path, string setCookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", setCookie.Split(';')[0]);
        return await client.SendAsync(request, Token);
    }
}
