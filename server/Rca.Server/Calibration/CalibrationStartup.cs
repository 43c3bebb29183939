namespace Rca.Server.Calibration;

/// <summary>Schedules the calibration checks when the host starts; the options were validated before.</summary>
internal sealed class CalibrationStartup(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CalibrationScheduler>().Apply();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
