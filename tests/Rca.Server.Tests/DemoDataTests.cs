using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rca.Server.Demo;
using Rca.Server.Kpis;
using Rca.Server.Replay;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests;

/// <summary>
/// Runs the bundled RS cases through the check path (scripted source over the committed rows) to
/// show that the demo KPIs' forecast and detection settings flag each labelled incident minute
/// and no other minute.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DemoDataTests
{
    [Fact]
    public async Task DemoCases_FlagOnlyLabelledMinutes()
    {
        var ct = TestContext.Current.CancellationToken;
        var demo = Path.Combine(AppContext.BaseDirectory, "Demo");
        await using var stream = File.OpenRead(Path.Combine(demo, "demo-cases.json"));
        var manifest = (await JsonSerializer.DeserializeAsync<DemoManifest>(stream, KpiJson.Options, ct))!;
        var seed = JsonSerializer.Serialize(new { kpis = manifest.Cases.Select(c => c.Kpi) }, KpiJson.Options);
        using var factory = new ServerFactory(seed);
        factory.Localizer.Result = [ScriptedLocalizer.Set("bitrate=2000", gps: 0.9)];

        var ranges = new List<(string Kpi, DateTimeOffset From, DateTimeOffset To)>();
        foreach (var demoCase in manifest.Cases)
        {
            var rows = RsCaseFile.Read(Path.Combine(demo, "Data", demoCase.File), demoCase.Kpi.Attributes);
            foreach (var row in rows)
            {
                factory.Source.Add(DateTimeOffset.FromUnixTimeSeconds(row.Minute), row.Attributes, row.Count - row.Value, row.Count);
            }

            ranges.Add((demoCase.Kpi.Name, DateTimeOffset.FromUnixTimeSeconds(rows.Min(r => r.Minute)), DateTimeOffset.FromUnixTimeSeconds(rows.Max(r => r.Minute) + 60)));
        }

        _ = factory.Services;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var replay = scope.ServiceProvider.GetRequiredService<KpiReplayService>();
            foreach (var (kpi, from, to) in ranges)
            {
                var run = await replay.RunAsync(kpi, from, to, factory.Clock.GetUtcNow(), ct);
                Assert.Equal(0, run.Failed);
            }
        }

        var incidents = await factory.QueryAsync(db => db.Incidents.OrderBy(i => i.KpiName).Select(i => new { i.KpiName, i.WindowStart }).ToListAsync(ct));
        var expected = manifest.Cases
            .OrderBy(c => c.Kpi.Name, StringComparer.Ordinal)
            .Select(c => new { KpiName = c.Kpi.Name, WindowStart = DateTimeOffset.FromUnixTimeSeconds(c.IncidentMinute).UtcDateTime })
            .ToList();
        Assert.Equal(expected, incidents);
        Assert.Equal(manifest.Cases.Count, factory.Localizer.Tables.Count);
    }
}
