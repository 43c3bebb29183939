namespace Rca.Server.Tests.Support;

/// <summary>
/// The failure-rate KPI the host tests use, and data for it: 4 regions × 2 ISPs, 100 requests per
/// leaf and minute, 5 to 7 failures normally, 40 failures in region eu for an anomalous minute.
/// </summary>
internal static class TestKpis
{
    public const string Name = "failure-rate";

    public static readonly string[] Regions = ["eu", "us", "ap", "sa"];
    public static readonly string[] Isps = ["a", "b"];

    public const string SeedJson = """
        {
          "kpis": [
            {
              "name": "failure-rate",
              "source": { "database": "test" },
              "measurement": "requests",
              "measure": "ratio",
              "field": "failures",
              "denominatorField": "total",
              "attributes": ["region", "isp"],
              "interval": "1m",
              "forecast": { "method": "mean", "history": 4 },
              "detection": { "threshold": 3.5, "minRelativeChange": 0.3, "baselineWindows": 10 }
            }
          ]
        }
        """;

    /// <summary>Adds the minutes [from, to) to the source; minutes in <paramref name="anomalous"/> get the eu failure burst.</summary>
    public static void AddMinutes(ScriptedKpiSource source, DateTimeOffset from, DateTimeOffset to, params DateTimeOffset[] anomalous)
    {
        for (var minute = from; minute < to; minute += TimeSpan.FromMinutes(1))
        {
            var normal = 5 + (minute.Minute % 3);
            foreach (var region in Regions)
            {
                foreach (var isp in Isps)
                {
                    var failures = region == "eu" && anomalous.Contains(minute) ? 40 : normal;
                    source.Add(minute, [region, isp], failures, 100);
                }
            }
        }
    }
}
