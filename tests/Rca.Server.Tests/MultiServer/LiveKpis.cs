using System.Globalization;
using Rca.Server.Sources;

namespace Rca.Server.Tests.MultiServer;

/// <summary>
/// KPIs for the multi-server tests, checked on the wall clock: request counts per leaf with
/// seeded noise, and windows where one region falls to 10 %, so that some checks open incidents.
/// </summary>
internal static class LiveKpis
{
    /// <summary>Windows whose index (seconds since the epoch / interval) is 3 modulo this have the drop.</summary>
    public const int DropEvery = 7;

    /// <summary>A KPI definition (one JSON object) on measurement <paramref name="measurement"/> with tags region, host and path.</summary>
    public static string Definition(string name, string database, string measurement, TimeSpan interval, string? schedule = null) => $$"""
        {
          "name": "{{name}}",
          "source": { "database": "{{database}}" },
          "measurement": "{{measurement}}",
          "measure": "sum",
          "field": "count",
          "attributes": ["region", "host", "path"],
          "interval": "{{(int)interval.TotalSeconds}}s",
          {{(schedule is null ? "" : $"\"schedule\": \"{schedule}\",")}}
          "forecast": { "method": "mean", "history": 4 },
          "detection": { "threshold": 3.5, "minRelativeChange": 0.05, "baselineWindows": 8 }
        }
        """;

    /// <summary>
    /// Returns one point per leaf and window for the windows in [from, to): <paramref name="regions"/>
    /// × <paramref name="hosts"/> × <paramref name="paths"/> leaves, values around 100.
    /// </summary>
    public static IEnumerable<string> Lines(string measurement, DateTimeOffset from, DateTimeOffset to, TimeSpan interval, int regions, int hosts, int paths, int seed)
    {
        var random = new Random(seed);
        for (var window = from; window < to; window += interval)
        {
            var index = window.ToUnixTimeSeconds() / (long)interval.TotalSeconds;
            var drop = index % DropEvery == 3;
            for (var region = 0; region < regions; region++)
            {
                for (var host = 0; host < hosts; host++)
                {
                    for (var path = 0; path < paths; path++)
                    {
                        var value = 100 + random.Next(-10, 11);
                        if (drop && region == 1)
                        {
                            value /= 10;
                        }

                        yield return InfluxLineProtocol.FormatPoint(
                            measurement,
                            [
                                new("region", "r" + region.ToString(CultureInfo.InvariantCulture)),
                                new("host", "h" + host.ToString(CultureInfo.InvariantCulture)),
                                new("path", "/p" + path.ToString(CultureInfo.InvariantCulture)),
                            ],
                            [new("count", value)],
                            window.AddMilliseconds(100));
                    }
                }
            }
        }
    }
}
