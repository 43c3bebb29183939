using System.Net;
using System.Net.Http.Json;
using Rca.Contracts;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Api;

[Collection(HostCollection.Name)]
public sealed class IncidentApiTests
{
    private static readonly DateTimeOffset[] Anomalies = ApiTestHost.Anomalies;

    [Fact]
    public async Task List_FiltersByStatusTimeAndText()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);
        var ids = (await client.GetFromJsonAsync<Page<IncidentSummary>>("/api/v1/incidents?sort=windowStart&order=asc", ct))!.Items.Select(i => i.Id).ToArray();
        (await client.PostAsync($"/api/v1/incidents/{ids[0]}/resolve", null, ct)).EnsureSuccessStatusCode();

        var open = await client.GetFromJsonAsync<Page<IncidentSummary>>("/api/v1/incidents?status=open", ct);
        var range = await client.GetFromJsonAsync<Page<IncidentSummary>>(
            $"/api/v1/incidents?from={Uri.EscapeDataString(Anomalies[1].ToString("O"))}&to={Uri.EscapeDataString(Anomalies[2].ToString("O"))}", ct);
        var byRootCause = await client.GetFromJsonAsync<Page<IncidentSummary>>("/api/v1/incidents?q=REGION%3DEU", ct);
        var byKpiText = await client.GetFromJsonAsync<Page<IncidentSummary>>("/api/v1/incidents?q=failure", ct);
        var noMatch = await client.GetFromJsonAsync<Page<IncidentSummary>>("/api/v1/incidents?q=isp%3Db", ct);
        var wildcard = await client.GetFromJsonAsync<Page<IncidentSummary>>("/api/v1/incidents?q=%25", ct);

        Assert.Equal([Anomalies[2], Anomalies[1]], open!.Items.Select(i => i.WindowStart));
        Assert.Equal([Anomalies[1]], range!.Items.Select(i => i.WindowStart));
        Assert.Equal(3, byRootCause!.Total);
        Assert.Equal(3, byKpiText!.Total);
        Assert.Equal(0, noMatch!.Total);
        Assert.Equal(0, wildcard!.Total);
    }

    [Fact]
    public async Task List_SortsAndPages()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        using var client = factory.CreateClient();

        var ascending = await client.GetFromJsonAsync<Page<IncidentSummary>>("/api/v1/incidents?sort=windowStart&order=asc&limit=2&offset=1", ct);
        var bySeverity = await client.GetFromJsonAsync<Page<IncidentSummary>>("/api/v1/incidents?sort=severity&order=desc", ct);
        using var badSort = await client.GetAsync("/api/v1/incidents?sort=kpi", ct);
        using var badOrder = await client.GetAsync("/api/v1/incidents?order=up", ct);
        using var badStatus = await client.GetAsync("/api/v1/incidents?status=closed", ct);
        using var badRange = await client.GetAsync("/api/v1/incidents?from=2026-03-01T12:00:00Z&to=2026-03-01T11:00:00Z", ct);

        Assert.Equal(3, ascending!.Total);
        Assert.Equal([Anomalies[1], Anomalies[2]], ascending.Items.Select(i => i.WindowStart));
        var changes = bySeverity!.Items.Select(i => Math.Abs(i.RelativeChange)).ToArray();
        Assert.Equal(changes.OrderDescending(), changes);
        Assert.All(bySeverity.Items, i => Assert.Equal("high", i.Severity));
        var sortProblem = await ProblemAssert.IsProblemAsync(badSort, HttpStatusCode.BadRequest, "Invalid incident filter");
        Assert.Equal("'sort' must be one of windowStart, severity, createdAt, got 'kpi'.", sortProblem.Detail);
        await ProblemAssert.IsProblemAsync(badOrder, HttpStatusCode.BadRequest, "Invalid incident filter");
        await ProblemAssert.IsProblemAsync(badStatus, HttpStatusCode.BadRequest, "Invalid incident filter");
        await ProblemAssert.IsProblemAsync(badRange, HttpStatusCode.BadRequest, "Invalid incident filter");
    }

    [Fact]
    public async Task Detail_HasSeriesAroundWindow()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        using var client = factory.CreateClient();
        var list = await client.GetFromJsonAsync<Page<IncidentSummary>>("/api/v1/incidents?sort=windowStart&order=asc", ct);

        var detail = await client.GetFromJsonAsync<IncidentDetail>($"/api/v1/incidents/{list!.Items[1].Id}?before=10&after=10", ct);

        Assert.Equal(21, detail!.Series.Count);
        Assert.Equal(Anomalies[1].AddMinutes(-10), detail.Series[0].WindowStart);
        var own = detail.Series[10];
        Assert.Equal(Anomalies[1], own.WindowStart);
        Assert.Equal("anomalous", own.Status);
        Assert.Equal(detail.Summary.Actual, own.Actual);
        Assert.Equal(detail.Summary.Forecast, own.Forecast);
        var earlier = detail.Series[3];
        Assert.Equal(Anomalies[0], earlier.WindowStart);
        Assert.Equal("anomalous", earlier.Status);
        Assert.Null(detail.Series[4].Status);
        Assert.Null(detail.Series[4].Actual);
        Assert.True(detail.DrilldownAvailable);
        Assert.Empty(detail.History);
        Assert.Null(detail.Feedback);
    }

    [Fact]
    public async Task Transitions_FollowStateMachine()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        var key = await ApiTestHost.CreateKeyAsync(factory, "oncall", ["write"], ct);
        using var client = factory.CreateClient(key);
        var id = (await client.GetFromJsonAsync<Page<IncidentSummary>>("/api/v1/incidents?limit=1", ct))!.Items[0].Id;

        using var reopenOpen = await client.PostAsync($"/api/v1/incidents/{id}/reopen", null, ct);
        using var acknowledge = await client.PostAsJsonAsync($"/api/v1/incidents/{id}/acknowledge", new StatusChangeRequest("on it"), ct);
        using var acknowledgeAgain = await client.PostAsync($"/api/v1/incidents/{id}/acknowledge", null, ct);
        using var resolve = await client.PostAsync($"/api/v1/incidents/{id}/resolve", null, ct);
        using var resolveAgain = await client.PostAsync($"/api/v1/incidents/{id}/resolve", null, ct);
        using var reopen = await client.PostAsync($"/api/v1/incidents/{id}/reopen", null, ct);
        using var missing = await client.PostAsync("/api/v1/incidents/999/resolve", null, ct);
        var detail = await client.GetFromJsonAsync<IncidentDetail>($"/api/v1/incidents/{id}", ct);

        var conflict = await ProblemAssert.IsProblemAsync(reopenOpen, HttpStatusCode.Conflict, "Invalid incident status change");
        Assert.Equal($"Incident {id} is open; only an incident that is resolved can become open.", conflict.Detail);
        Assert.Equal(HttpStatusCode.OK, acknowledge.StatusCode);
        await ProblemAssert.IsProblemAsync(acknowledgeAgain, HttpStatusCode.Conflict, "Invalid incident status change");
        Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        var resolvedTwice = await ProblemAssert.IsProblemAsync(resolveAgain, HttpStatusCode.Conflict, "Invalid incident status change");
        Assert.Equal($"Incident {id} is resolved; only an incident that is open or acknowledged can become resolved.", resolvedTwice.Detail);
        Assert.Equal(HttpStatusCode.OK, reopen.StatusCode);
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, "Incident not found");
        Assert.Equal("open", detail!.Summary.Status);
        Assert.Equal(["open>acknowledged", "acknowledged>resolved", "resolved>open"], detail.History.Select(h => $"{h.From}>{h.To}"));
        Assert.Equal("oncall", detail.History[0].Actor);
        Assert.Equal("on it", detail.History[0].Comment);
    }

    [Fact]
    public async Task Feedback_ValidatedAndSummarised()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        using var client = factory.CreateClient(ServerFactory.BootstrapKey);
        var ids = (await client.GetFromJsonAsync<Page<IncidentSummary>>("/api/v1/incidents", ct))!.Items.Select(i => i.Id).ToArray();

        using var correct = await client.PutAsJsonAsync($"/api/v1/incidents/{ids[0]}/feedback", new FeedbackRequest("correct", null, null), ct);
        using var partly = await client.PutAsJsonAsync($"/api/v1/incidents/{ids[1]}/feedback", new FeedbackRequest("partly", " region=eu & isp=a ; region=us", "also us"), ct);
        using var wrongFirst = await client.PutAsJsonAsync($"/api/v1/incidents/{ids[2]}/feedback", new FeedbackRequest("correct", null, null), ct);
        using var replaced = await client.PutAsJsonAsync($"/api/v1/incidents/{ids[2]}/feedback", new FeedbackRequest("wrong", "isp=b", null), ct);
        using var badVerdict = await client.PutAsJsonAsync($"/api/v1/incidents/{ids[0]}/feedback", new FeedbackRequest("maybe", null, null), ct);
        using var badCombination = await client.PutAsJsonAsync($"/api/v1/incidents/{ids[0]}/feedback", new FeedbackRequest("wrong", "region", null), ct);
        using var unknownAttribute = await client.PutAsJsonAsync($"/api/v1/incidents/{ids[0]}/feedback", new FeedbackRequest("wrong", "city=Paris", null), ct);
        var accuracy = await client.GetFromJsonAsync<List<KpiAccuracy>>("/api/v1/accuracy", ct);
        var detail = await client.GetFromJsonAsync<IncidentDetail>($"/api/v1/incidents/{ids[1]}", ct);

        Assert.Equal(HttpStatusCode.OK, correct.StatusCode);
        Assert.Equal(HttpStatusCode.OK, partly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("isp=a&region=eu;region=us", detail!.Feedback!.RootCause);
        Assert.Equal("partly", detail.Feedback.Verdict);
        Assert.Equal("also us", detail.Feedback.Comment);
        Assert.Equal("bootstrap", detail.Feedback.Author);
        var verdictProblem = await ProblemAssert.IsProblemAsync(badVerdict, HttpStatusCode.BadRequest, "Invalid feedback");
        Assert.Equal(["must be one of correct, partly, wrong, got 'maybe'."], verdictProblem.Errors["verdict"]);
        var combinationProblem = await ProblemAssert.IsProblemAsync(badCombination, HttpStatusCode.BadRequest, "Invalid feedback");
        Assert.Equal(["Invalid attribute combination 'region': expected name=value pairs joined by '&', got 'region'."], combinationProblem.Errors["rootCause"]);
        Assert.Equal("The feedback is invalid; see 'errors' for each field.", combinationProblem.Detail);
        var attributeProblem = await ProblemAssert.IsProblemAsync(unknownAttribute, HttpStatusCode.BadRequest, "Invalid feedback");
        Assert.Equal(
            ["names attributes city that KPI 'failure-rate' does not have; its attributes are region, isp."],
            attributeProblem.Errors["rootCause"]);

        var kpi = Assert.Single(accuracy!);
        Assert.Equal("failure-rate", kpi.Kpi);
        Assert.Equal(3, kpi.Incidents);
        Assert.Equal(3, kpi.WithFeedback);
        Assert.Equal(1, kpi.Correct);
        Assert.Equal(1, kpi.Partly);
        Assert.Equal(1, kpi.Wrong);
        Assert.Equal(1 / 3.0, kpi.CorrectShare!.Value, 12);
    }

    [Fact]
    public async Task Drilldown_GroupsLeavesOfWindow()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        using var client = factory.CreateClient();
        var id = (await client.GetFromJsonAsync<Page<IncidentSummary>>("/api/v1/incidents?limit=1", ct))!.Items[0].Id;

        var byRegion = await client.GetFromJsonAsync<DrilldownResult>($"/api/v1/incidents/{id}/drilldown?attributes=region", ct);
        var underEu = await client.GetFromJsonAsync<DrilldownResult>($"/api/v1/incidents/{id}/drilldown?combination={Uri.EscapeDataString("region=eu")}", ct);
        var pair = await client.GetFromJsonAsync<DrilldownResult>($"/api/v1/incidents/{id}/drilldown?attributes=region,isp&limit=3", ct);
        using var unknownAttribute = await client.GetAsync($"/api/v1/incidents/{id}/drilldown?attributes=city", ct);
        using var nothing = await client.GetAsync($"/api/v1/incidents/{id}/drilldown", ct);

        Assert.Equal(4, byRegion!.TotalCells);
        var eu = byRegion.Cells[0];
        Assert.Equal(["eu"], eu.Values);
        Assert.Equal(2, eu.LeafCount);
        Assert.Equal(0.4, eu.Actual, 12);
        Assert.True(eu.Forecast < 0.1);
        Assert.True(eu.DeviationScore < -0.6);
        Assert.Equal(["region", "isp"], underEu!.Attributes);
        Assert.Equal("region=eu", underEu.Combination);
        Assert.Equal(2, underEu.TotalCells);
        Assert.All(underEu.Cells, cell => Assert.Equal("eu", cell.Values[0]));
        Assert.Equal(8, pair!.TotalCells);
        Assert.Equal(3, pair.Cells.Count);
        var attributeProblem = await ProblemAssert.IsProblemAsync(unknownAttribute, HttpStatusCode.BadRequest, "Invalid drill-down request");
        Assert.Equal("The window has no attribute 'city'; its attributes are region, isp.", attributeProblem.Detail);
        await ProblemAssert.IsProblemAsync(nothing, HttpStatusCode.BadRequest, "Invalid drill-down request");
    }

    [Fact]
    public async Task Checks_FilterByStatusAndTime()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = await ApiTestHost.CreateWithIncidentsAsync(ct);
        await factory.RunWindowAsync(TestKpis.Name, ServerFactory.Start.AddMinutes(-3), ct);
        using var client = factory.CreateClient();

        var anomalous = await client.GetFromJsonAsync<Page<KpiCheckDto>>("/api/v1/kpis/failure-rate/checks?status=anomalous", ct);
        var ok = await client.GetFromJsonAsync<Page<KpiCheckDto>>("/api/v1/kpis/failure-rate/checks?status=ok", ct);
        var recent = await client.GetFromJsonAsync<Page<KpiCheckDto>>(
            $"/api/v1/kpis/failure-rate/checks?from={Uri.EscapeDataString(Anomalies[2].ToString("O"))}", ct);
        using var bad = await client.GetAsync("/api/v1/kpis/failure-rate/checks?status=late", ct);

        Assert.Equal(3, anomalous!.Total);
        Assert.Equal([ServerFactory.Start.AddMinutes(-3)], ok!.Items.Select(c => c.WindowStart));
        Assert.Equal(2, recent!.Total);
        await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest, "Invalid check filter");
    }
}
