using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rca.Server.Kpis;
using Rca.Server.Sources;

namespace Rca.Server.Tests.Sources;

/// <summary>Builds KPI sources through <see cref="KpiSourceServiceCollectionExtensions.AddKpiSources"/> from in-memory configuration, as the host does.</summary>
internal static class KpiSources
{
    public static ServiceProvider CreateProvider(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKpiSources(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static ServiceProvider CreateProvider(InfluxConnectionOptions connection)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Influx:Url"] = connection.Url,
            ["Influx:Username"] = connection.Username,
            ["Influx:Password"] = connection.Password,
            ["Influx:Token"] = connection.Token,
            ["Influx:Database"] = connection.Database,
            ["Influx:Timeout"] = connection.Timeout.ToString(),
        };
        return CreateProvider(settings);
    }

    public static KpiDefinition Kpi(
        string database,
        string measurement,
        string[] attributes,
        string field = "f",
        string? denominator = null,
        TimeSpan? interval = null) => new()
    {
        Name = "test-kpi",
        Source = new KpiSourceOptions { Database = database },
        Measurement = measurement,
        Measure = denominator is null ? KpiMeasure.Sum : KpiMeasure.Ratio,
        Field = field,
        DenominatorField = denominator,
        Attributes = attributes,
        Interval = interval ?? TimeSpan.FromMinutes(1),
    };
}
