using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Rca.Contracts;
using Rca.Server.Tests.Api;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Ui;

[Collection(HostCollection.Name)]
public sealed class DashboardHostTests
{
    [Fact]
    public async Task Queries_MatchApi()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        using var client = factory.CreateClient();
        await using var scope = factory.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<IIncidentQueries>();

        var viaApi = await client.GetFromJsonAsync<Page<IncidentSummary>>("/api/v1/incidents?status=open&limit=2", ct);
        var inProcess = await queries.ListAsync(new IncidentQuery(null, "open", null, 0, 2), ct);
        var detail = await queries.GetAsync(viaApi!.Items[0].Id, ct);
        var missing = await queries.GetAsync(987654, ct);
        var badStatus = await queries.ListAsync(new IncidentQuery(null, "closed", null, 0, 2), ct);

        Assert.Equal(viaApi.Items.Select(i => i.Id), inProcess.Value!.Items.Select(i => i.Id));
        Assert.Equal(viaApi.Total, inProcess.Value.Total);
        Assert.Equal(viaApi.Items[0].Id, detail.Value!.Summary.Id);
        Assert.Null(missing.Value);
        Assert.Equal("No incident has id 987654.", missing.Error);
        Assert.Equal("'status' must be one of open, acknowledged, resolved, got 'closed'.", badStatus.Error);
    }

    [Fact]
    public async Task Acknowledge_RecordsDashboardActor()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        using var client = factory.CreateClient();
        await using var scope = factory.Services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetRequiredService<IIncidentCommands>();
        var id = (await client.GetFromJsonAsync<Page<IncidentSummary>>("/api/v1/incidents", ct))!.Items[0].Id;

        var acknowledged = await commands.ChangeStatusAsync(id, "acknowledged", null, ct);
        var again = await commands.ChangeStatusAsync(id, "acknowledged", null, ct);
        var detail = await client.GetFromJsonAsync<IncidentDetail>($"/api/v1/incidents/{id}", ct);

        Assert.Equal("acknowledged", acknowledged.Value!.Status);
        Assert.NotNull(again.Error);
        Assert.Equal("acknowledged", detail!.Summary.Status);
        var change = Assert.Single(detail.History);
        Assert.Equal("dashboard", change.Actor);
    }

    [Fact]
    public async Task Feedback_StoredWithDashboardAuthor()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        using var client = factory.CreateClient();
        await using var scope = factory.Services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetRequiredService<IIncidentCommands>();
        var id = (await client.GetFromJsonAsync<Page<IncidentSummary>>("/api/v1/incidents", ct))!.Items[0].Id;

        var stored = await commands.SubmitFeedbackAsync(id, new FeedbackRequest("partly", "region=eu", "us was hit too"), ct);
        var invalid = await commands.SubmitFeedbackAsync(id, new FeedbackRequest("maybe", null, null), ct);
        var detail = await client.GetFromJsonAsync<IncidentDetail>($"/api/v1/incidents/{id}", ct);

        Assert.Equal("dashboard", stored.Value!.Author);
        Assert.Equal("partly", detail!.Feedback!.Verdict);
        Assert.Equal("region=eu", detail.Feedback.RootCause);
        Assert.Equal("us was hit too", detail.Feedback.Comment);
        Assert.Equal("verdict: must be one of correct, partly, wrong, got 'maybe'.", invalid.Error);
    }

    [Fact]
    public async Task ReadOnlyUi_RejectsChanges()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct, host => host.Settings["Ui:AllowChanges"] = "false");
        await using var scope = factory.Services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetRequiredService<IIncidentCommands>();

        var result = await commands.ChangeStatusAsync(1, "acknowledged", null, ct);
        var feedback = await commands.SubmitFeedbackAsync(1, new FeedbackRequest("correct", null, null), ct);

        Assert.False(commands.CanChangeIncidents);
        Assert.Equal("The dashboard is read-only because Ui:AllowChanges is false.", result.Error);
        Assert.Equal("The dashboard is read-only because Ui:AllowChanges is false.", feedback.Error);
    }

    [Fact]
    public async Task Pages_RenderBesideApi()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        using var client = factory.CreateClient();

        var list = await client.GetStringAsync("/incidents", ct);
        using var chinese = new HttpRequestMessage(HttpMethod.Get, "/incidents");
        chinese.Headers.Add("Cookie", "rca_ui_culture=zh-Hans");
        using var chineseResponse = await client.SendAsync(chinese, ct);
        var chineseList = await chineseResponse.Content.ReadAsStringAsync(ct);
        using var unknownApi = await client.GetAsync("/api/v1/nothing-here", ct);

        Assert.Contains("id=\"incident-list\"", list, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", list, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-Hans\">", chineseList, StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(unknownApi, HttpStatusCode.NotFound, "Not found");
    }
}
