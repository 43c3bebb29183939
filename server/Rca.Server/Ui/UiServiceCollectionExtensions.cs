using Rca.Contracts;
using Rca.Web;

namespace Rca.Server.Ui;

/// <summary>
/// Hosts the dashboard (<c>Rca.Web</c>) in this server.
/// </summary>
internal static class UiServiceCollectionExtensions
{
    public static IServiceCollection AddRcaUi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UiOptions>().Bind(configuration.GetSection(UiOptions.Section));
        services.AddSingleton<IncidentUiService>();
        services.AddSingleton<IIncidentQueries>(provider => provider.GetRequiredService<IncidentUiService>());
        services.AddSingleton<IIncidentCommands>(provider => provider.GetRequiredService<IncidentUiService>());
        services.AddRcaWeb();
        return services;
    }

    /// <summary>Maps the dashboard's static assets and pages; call after the API so its routes keep precedence.</summary>
    public static WebApplication MapRcaUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRcaWeb();
        return app;
    }
}
