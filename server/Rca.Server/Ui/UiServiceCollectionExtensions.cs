using Rca.Contracts;
using Rca.Contracts.Calibration;
using Rca.Contracts.Jobs;
using Rca.Server.Security;
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
        services.AddSingleton<UiSession>();

        // Scoped: one per circuit, because what a user may change depends on the circuit's sign-in.
        services.AddScoped<UiAccess>();
        services.AddScoped<IncidentUiService>();
        services.AddScoped<IIncidentQueries>(provider => provider.GetRequiredService<IncidentUiService>());
        services.AddScoped<IIncidentCommands>(provider => provider.GetRequiredService<IncidentUiService>());
        services.AddScoped<KpiUiService>();
        services.AddScoped<IKpiQueries>(provider => provider.GetRequiredService<KpiUiService>());
        services.AddScoped<IKpiCommands>(provider => provider.GetRequiredService<KpiUiService>());
        services.AddSingleton<ICalibrationQueries, CalibrationUiService>();
        services.AddSingleton<ISystemQueries, SystemUiService>();
        services.AddRcaWeb();
        return services;
    }

    /// <summary>
    /// Maps the dashboard's static assets, sign-in and pages, and the sign-in gate; call after the
    /// API so its routes keep precedence. The gate runs after routing and authentication because
    /// the host adds routing first and the endpoints last.
    /// </summary>
    public static WebApplication MapRcaUi(this WebApplication app)
    {
        app.UseMiddleware<UiSignInMiddleware>();
        app.MapStaticAssets();
        app.MapUiSignInApi();
        app.MapRcaWeb();
        return app;
    }
}
