using Rca.Server.Kpis;
using Rca.Server.Storage;

namespace Rca.Server.Hosting;

/// <summary>
/// Runs before the Hangfire server and the web server start: applies database migrations, seeds
/// KPI definitions and schedules their checks. An error stops start-up.
/// </summary>
internal sealed class ServiceInitializer(IServiceProvider services, ILogger<ServiceInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await services.MigrateIncidentStoreAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<KpiStartup>().RunAsync(cancellationToken);
        }
        catch (InvalidKpiDefinitionException error)
        {
            logger.LogCritical("Start-up stopped, invalid KPI definitions:{NewLine}{Errors}", Environment.NewLine, error.Message);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
