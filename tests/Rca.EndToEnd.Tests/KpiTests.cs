using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Rca.Contracts;
using Rca.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Rca.EndToEnd.Tests;

/// <summary>
/// Drives the KPI pages: the list with each KPI's latest check, one demo KPI with its checks and
/// incident, and the new-KPI form's test query, field error and save.
/// </summary>
public sealed class KpiTests(DemoServer server)
{
    // The KPI the form creates. It is saved disabled, so it gets no scheduled check and opens no
    // incident that the other tests would see.
    private const string NewKpiName = "e2e-latest-case";


    [Fact]
    public async Task Kpis_ListDetailTestSave()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var browser = await Browser.OpenAsync();
        var page = browser.Page;

        // The list: one row per KPI, each with the status of its latest check from the API. The
        // demo keeps checking every minute, so a mismatch is read again with a fresh page.
        var list = new KpiListPage(page, server.BaseUrl);
        await ExpectListMatchesApiAsync(list, ct);
        var demoNames = server.Manifest.Cases.Select(c => c.Kpi.Name).ToList();
        foreach (var name in demoNames)
        {
            await Expect(list.Row(name)).ToHaveCountAsync(1);
        }

        await Screenshots.TakeAsync(page, "kpis");

        // One KPI: its checks as the API lists them, the chart over them, and the incident the demo opened.
        // The newest case is used because the page lists the latest 50 checks. An older case's
        // anomalous window can fall out of them behind the no_data windows checked after its data ends.
        var shownKpi = demoNames[^1];
        var incident = server.IncidentOf(shownKpi);
        var kpiPage = await list.OpenAsync(shownKpi);
        await Expect(kpiPage.Measure).ToHaveTextAsync("ratio(failures / total)");
        await ExpectChecksMatchApiAsync(kpiPage, shownKpi, ct);
        await Expect(page.Locator($"#kpi-checks a[href='incidents/{incident.Id}']").First).ToBeVisibleAsync();
        await Expect(kpiPage.IncidentLinks).ToHaveCountAsync(1);
        await Expect(kpiPage.IncidentLinks).ToHaveAttributeAsync("href", $"incidents/{incident.Id}");
        await Expect(kpiPage.ChecksChart).ToBeVisibleAsync();
        await Expect(kpiPage.ChecksChart.Locator("path").First).ToBeAttachedAsync();
        await Screenshots.TakeAsync(page, "kpi");

        // The form: a ratio KPI over the demo's last case, tested against the API with the same body.
        var lastCase = server.Manifest.Cases[^1].Kpi;
        var labelDelay = LabelDelayTo(server.IncidentOf(lastCase.Name).WindowStart);
        await list.GotoAsync();
        var form = await list.OpenNewAsync();
        await form.FillAsync("kpi-name", NewKpiName);
        await form.FillAsync("kpi-database", DemoServer.DemoDatabase);
        await form.FillAsync("kpi-measurement", lastCase.Measurement);
        await form.SelectAsync("kpi-measure-select", "Ratio of two fields");
        await Expect(form.Input("kpi-denominator-field")).ToBeEnabledAsync();
        await form.FillAsync("kpi-field", lastCase.Field);
        await form.FillAsync("kpi-denominator-field", lastCase.DenominatorField!);
        await form.FillAsync("kpi-attributes", string.Join(", ", lastCase.Attributes));
        await form.FillAsync("kpi-label-delay", labelDelay);

        var body = new
        {
            name = NewKpiName,
            source = new { kind = "influxql", database = DemoServer.DemoDatabase },
            measurement = lastCase.Measurement,
            measure = "ratio",
            field = lastCase.Field,
            denominatorField = lastCase.DenominatorField,
            attributes = lastCase.Attributes,
            interval = "1m",
            labelDelay,
        };
        var (shownLeaves, expected) = await TestUntilSameWindowAsync(form, body, ct);
        Assert.True(expected.LeafCount > 0, $"POST api/v1/kpis/test found no leaves in {expected.WindowStart:O} of {lastCase.Measurement}.");
        Assert.Equal(expected.LeafCount.ToString(CultureInfo.InvariantCulture), shownLeaves);
        await Expect(form.TestTotal).ToHaveTextAsync(expected.Total.ToString("#,0.###", CultureInfo.InvariantCulture));
        await Expect(form.TestAttributes).ToHaveCountAsync(lastCase.Attributes.Count);
        await Screenshots.TakeAsync(page, "kpi-new-tested");

        // An interval that is not a duration: the interval field shows the reader's message, without
        // the position in a JSON body the user never saw, and nothing is saved.
        await form.FillAsync("kpi-interval", "soon");
        await form.SaveAsync();
        await Expect(form.HelperText("kpi-interval")).ToHaveTextAsync("is invalid: Expected a duration such as \"30s\", \"5m\", \"1h\", \"1d\" or \"00:05:00\", got \"soon\".");
        await Expect(page.Locator(".mud-input-control.mud-input-error input#kpi-interval")).ToBeAttachedAsync();
        Assert.Equal(new Uri(server.BaseUrl, "kpis/_new").AbsolutePath, new Uri(page.Url).AbsolutePath);
        using (var missing = await server.Api.GetAsync($"api/v1/kpis/{NewKpiName}", ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        await Screenshots.TakeAsync(page, "kpi-new-invalid");

        // A valid interval, saved disabled: the browser lands on the KPI's page, and list and API show it.
        await form.FillAsync("kpi-interval", "1m");
        await form.Enabled.UncheckAsync();
        await Expect(form.Enabled).Not.ToBeCheckedAsync();
        await form.SaveAsync();
        var saved = new KpiPage(page, server.BaseUrl, NewKpiName);
        await Expect(saved.Ready).ToBeVisibleAsync();
        await Expect(page.Locator("#kpi h1")).ToHaveTextAsync(NewKpiName);
        await Expect(saved.Measure).ToHaveTextAsync($"ratio({lastCase.Field} / {lastCase.DenominatorField})");

        var stored = (await server.ListKpisAsync(ct)).SingleOrDefault(kpi => kpi.Name == NewKpiName)
            ?? throw new InvalidOperationException($"GET api/v1/kpis does not list {NewKpiName} after the form saved it.");
        Assert.Equal(lastCase.Measurement, stored.Measurement);
        Assert.Equal("ratio", stored.Measure);
        Assert.Equal(lastCase.Attributes, stored.Attributes);
        Assert.Equal(60, stored.IntervalSeconds);
        Assert.False(stored.Enabled);

        await list.GotoAsync();
        await Expect(list.Row(NewKpiName)).ToHaveCountAsync(1);
        await Expect(list.Enabled(NewKpiName)).ToHaveTextAsync("No");
        await Expect(list.StateCell(NewKpiName)).ToHaveTextAsync("Not checked yet");
        await Screenshots.TakeAsync(page, "kpis-saved");
    }

    // A label delay that puts the latest complete 1-minute window at the demo's incident window,
    // inside the data the demo wrote for that case, however long the server has been running.
    private static string LabelDelayTo(DateTimeOffset windowStart)
    {
        var minutes = (int)Math.Floor((DateTimeOffset.UtcNow - windowStart).TotalMinutes) - 1;
        return Math.Max(minutes, 0).ToString(CultureInfo.InvariantCulture) + "m";
    }

    private async Task ExpectListMatchesApiAsync(KpiListPage list, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await list.GotoAsync();
            var kpis = await server.ListKpisAsync(cancellationToken);
            await Expect(list.KpiLinks).ToHaveCountAsync(kpis.Count);
            var expected = kpis.Select(kpi => $"{kpi.Name}: {kpi.LatestCheck?.Status ?? "none"}").Order(StringComparer.Ordinal).ToList();
            var shownStatuses = new List<string>();
            foreach (var kpi in kpis)
            {
                var state = list.State(kpi.Name);
                shownStatuses.Add($"{kpi.Name}: {(await state.CountAsync() == 0 ? "none" : await state.GetAttributeAsync("data-check-status"))}");
            }

            shownStatuses.Sort(StringComparer.Ordinal);
            if (shownStatuses.SequenceEqual(expected) || attempt == 3)
            {
                Assert.Equal(expected, shownStatuses);
                Assert.All(kpis, kpi => Assert.NotNull(kpi.LatestCheck));
                return;
            }
        }
    }

    private async Task ExpectChecksMatchApiAsync(KpiPage kpiPage, string name, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var checks = await server.Api.GetFromJsonAsync<Page<KpiCheckDto>>($"api/v1/kpis/{name}/checks?limit=50", cancellationToken)
                ?? throw new InvalidOperationException($"GET api/v1/kpis/{name}/checks returned an empty body.");
            var expected = checks.Items.Select(check => check.Status).ToList();
            var shownStatuses = new List<string>();
            foreach (var chip in await kpiPage.CheckStates.AllAsync())
            {
                shownStatuses.Add(await chip.GetAttributeAsync("data-check-status") ?? "");
            }

            if (shownStatuses.SequenceEqual(expected) || attempt == 3)
            {
                Assert.Equal(expected, shownStatuses);
                Assert.Contains("anomalous", shownStatuses);
                return;
            }

            await kpiPage.GotoAsync();
        }
    }

    // The test query reads the latest complete window, which moves on at each minute. The page and
    // the API are compared only when both read the same window.
    private async Task<(string Leaves, KpiTestResult Expected)> TestUntilSameWindowAsync(KpiFormPage form, object body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await form.TestAsync();
            var window = await form.TestWindow.InnerTextAsync();
            var leaves = await form.TestLeaves.InnerTextAsync();
            using var response = await server.AdminApi.PostAsJsonAsync("api/v1/kpis/test", body, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"POST api/v1/kpis/test answered {(int)response.StatusCode}: {text}");
            var expected = JsonSerializer.Deserialize<KpiTestResult>(text, JsonSerializerOptions.Web)
                ?? throw new InvalidOperationException("POST api/v1/kpis/test returned an empty body.");
            var expectedWindow = string.Create(CultureInfo.InvariantCulture, $"{expected.WindowStart.UtcDateTime:yyyy-MM-dd HH:mm} – {expected.WindowEnd.UtcDateTime:HH:mm} UTC");
            if (window.Trim() == expectedWindow || attempt == 3)
            {
                Assert.Equal(expectedWindow, window.Trim());
                return (leaves.Trim(), expected);
            }
        }
    }
}
