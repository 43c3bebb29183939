using Rca.Server.Sources;

namespace Rca.Server.Tests.Support;

/// <summary>
/// A generated request-count KPI for checks against a real influxd: 6 provinces × 5 ISPs × 20
/// devices (600 leaves), one point per leaf and minute. Values have Poisson-like noise around a
/// per-leaf mean of 50 to 200. One province and ISP falls to 10 % at one minute, and its mean is
/// four times larger, so that the drop exceeds the noise of the total.
/// Tag values include spaces, commas, quotes, '=', backslashes and Chinese text.
/// </summary>
internal static class GeneratedKpi
{
    public const string Name = "requests";
    public const string Measurement = "requests";

    public static readonly string[] Provinces = ["北京", "上海 浦东", "a,b", "say \"hi\"", "x=y", "back\\slash"];
    public static readonly string[] Isps = ["电信", "联通", "移动", "a b,c=\"d\"\\e", "plain"];

    /// <summary>The province and ISP of the drop.</summary>
    public const string DropProvince = "上海 浦东";

    /// <inheritdoc cref="DropProvince"/>
    public const string DropIsp = "a b,c=\"d\"\\e";

    /// <summary>The root cause as the incident stores it: pairs sorted by attribute name.</summary>
    public const string DropRootCause = "isp=" + DropIsp + "&province=" + DropProvince;

    /// <summary>
    /// A KPI definition whose recurring job never fires during a test run (29 February at 00:00),
    /// so tests run checks themselves.
    /// </summary>
    public static string SeedJson(string database) => $$"""
        {
          "kpis": [
            {
              "name": "{{Name}}",
              "source": { "database": "{{database}}" },
              "measurement": "{{Measurement}}",
              "measure": "sum",
              "field": "count",
              "attributes": ["province", "isp", "device"],
              "interval": "1m",
              "schedule": "0 0 29 2 *",
              "forecast": { "method": "mean", "history": 4 },
              "detection": { "threshold": 3.5, "minRelativeChange": 0.01, "baselineWindows": 8 }
            }
          ]
        }
        """;

    /// <summary>Returns the line-protocol points of the minutes [from, from + minutes), with the drop at <paramref name="drop"/>.</summary>
    public static List<string> Lines(DateTimeOffset from, int minutes, DateTimeOffset drop, int seed)
    {
        var random = new Random(seed);
        var means = new double[Provinces.Length * Isps.Length * 20];
        var leaf = 0;
        foreach (var province in Provinces)
        {
            foreach (var isp in Isps)
            {
                for (var device = 0; device < 20; device++, leaf++)
                {
                    var scale = province == DropProvince && isp == DropIsp ? 4 : 1;
                    means[leaf] = scale * (50 + (150 * random.NextDouble()));
                }
            }
        }

        var lines = new List<string>(means.Length * minutes);
        for (var m = 0; m < minutes; m++)
        {
            var minute = from.AddMinutes(m);
            leaf = 0;
            foreach (var province in Provinces)
            {
                foreach (var isp in Isps)
                {
                    for (var device = 0; device < 20; device++, leaf++)
                    {
                        var value = Poisson(random, means[leaf]);
                        if (minute == drop && province == DropProvince && isp == DropIsp)
                        {
                            value = Math.Round(value * 0.1);
                        }

                        lines.Add(InfluxLineProtocol.FormatPoint(
                            Measurement,
                            [new("province", province), new("isp", isp), new("device", $"d{device:00}")],
                            [new("count", value)],
                            minute.AddSeconds(7)));
                    }
                }
            }
        }

        return lines;
    }

    // The normal approximation of a Poisson draw, which is close for means of 50 and more.
    private static double Poisson(Random random, double mean)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return Math.Max(0, Math.Round(mean + (Math.Sqrt(mean) * z)));
    }
}
