using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rca.Server.Calibration;
using Rca.Server.Storage;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Calibration;

/// <summary>
/// A host with Hangfire in-memory storage, a SQLite store in a temporary directory, a manual
/// clock and the given configuration (for example <c>Calibration:Models:…</c>). With
/// <paramref name="recordNotices"/> true (the default) a recording notifier replaces the outbox one.
/// </summary>
internal sealed class CalibrationFactory(IReadOnlyDictionary<string, string?> settings, bool recordNotices = true) : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rca-calibration-tests-" + Guid.NewGuid().ToString("N"));

    public ManualClock Clock { get; } = new(DateTimeOffset.UnixEpoch);

    public RecordingNotifier Notifier { get; } = new();

    public async Task<CalibrationRunSummary> RunAsync(string model, CancellationToken cancellationToken)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CalibrationCheckJob>().RunAsync(model, cancellationToken);
    }

    public async Task<T> QueryAsync<T>(Func<RcaDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RcaDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseSetting("Hangfire:Storage", "inmemory");
        builder.UseSetting("Hangfire:Server", "false");
        builder.UseSetting("Data:Directory", _directory);
        builder.UseSetting("Api:BootstrapKey", ServerFactory.BootstrapKey);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            if (recordNotices)
            {
                services.AddScoped<ICalibrationNotifier>(_ => Notifier);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a finishing background thread; the temp folder is cleaned by the OS.
            }
        }
    }
}
