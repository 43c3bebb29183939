using Rca.Web.Components.Shared;
using Rca.Web.Tests.Support;

namespace Rca.Web.Tests;

public sealed class ReproduceCommandsTests
{
    [Fact]
    public void Commands_CoverIncidentWindow()
    {
        var commands = ReproduceCommands.For(Incidents.Summary(7, kpi: "it's kpi"), "http://127.0.0.1:5080/");

        Assert.Equal(
            "curl -X POST -H \"X-Api-Key: $RCA_API_KEY\" \"http://127.0.0.1:5080/api/v1/kpis/it%27s%20kpi/replay?from=2026-03-01T12%3A00%3A00Z&to=2026-03-01T12%3A05%3A00Z\"",
            commands.Curl);
        Assert.Equal("dotnet Rca.Server.dll replay --kpi 'it'\\''s kpi' --from 2026-03-01T12:00:00Z --to 2026-03-01T12:05:00Z", commands.Replay);
    }
}
