using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Rca.EndToEnd.Tests;

/// <summary>
/// The server as <c>run.sh</c> configures it, with the demo loader writing to the given influxd,
/// but with in-memory Hangfire storage and a temporary data directory.
/// </summary>
/// <remarks>
/// The system clock stays in place: the demo shifts its cases to end shortly before start-up,
/// and the replayed windows are compared with the current time. <paramref name="settings"/>
/// adds or overrides configuration keys, for example <c>Api:AnonymousRead</c>.
/// </remarks>
internal sealed class DemoHostFactory(Uri influxUrl, string dataDirectory, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Hangfire:Storage", "inmemory");
        builder.UseSetting("Hangfire:Server", "true");
        builder.UseSetting("Data:Directory", dataDirectory);
        builder.UseSetting("Influx:Url", influxUrl.ToString());
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:InfluxUrl", influxUrl.ToString());
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}
