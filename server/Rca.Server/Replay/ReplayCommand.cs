using System.Globalization;
using Microsoft.Extensions.Localization;
using Rca.Server.Hosting;
using Rca.Server.Kpis;
using Rca.Server.Resources;
using Rca.Server.Storage;

namespace Rca.Server.Replay;

/// <summary>
/// The <c>replay</c> verb of the server executable: runs <see cref="KpiReplayService.RunAsync"/>
/// in this process against the configured incident store and sources, prints one line per
/// window and a summary, and returns the exit status (0 when no window failed, else 2).
/// </summary>
/// <remarks>
/// It builds a generic host with the same configuration sources as the web host
/// (<c>appsettings.json</c>, environment variables, <c>--Section:Key=Value</c> arguments) but
/// registers no web server, Hangfire or hosted service. It applies pending migrations and the
/// KPI seed file first, as the server does at start-up.
/// </remarks>
internal static class ReplayCommand
{
    public const string Verb = "replay";

    private const int Failure = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string? kpi = null;
        string? fromText = null;
        string? toText = null;
        var rest = new List<string>();
        string? missingValue = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--kpi" or "--from" or "--to" when i + 1 >= args.Length:
                    missingValue = args[i];
                    break;
                case "--kpi":
                    kpi = args[++i];
                    break;
                case "--from":
                    fromText = args[++i];
                    break;
                case "--to":
                    toText = args[++i];
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [.. rest] });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddRcaChecks(builder.Configuration, builder.Environment.ContentRootPath);
        using var host = builder.Build();
        var text = host.Services.GetRequiredService<IStringLocalizer<ReplayCommandText>>();

        if (args.Contains("--help") || args.Contains("-h"))
        {
            await output.WriteLineAsync(text["Usage"]);
            return 0;
        }

        LocalizedString? problem = missingValue is not null ? text["MissingValue", missingValue]
            : kpi is null ? text["MissingOption", "--kpi"]
            : fromText is null ? text["MissingOption", "--from"]
            : toText is null ? text["MissingOption", "--to"]
            : null;
        DateTimeOffset from = default;
        DateTimeOffset to = default;
        problem ??= !TryParseTime(fromText!, out from) ? text["InvalidTime", "--from", fromText!]
            : !TryParseTime(toText!, out to) ? text["InvalidTime", "--to", toText!]
            : null;
        if (problem is not null)
        {
            await error.WriteLineAsync(problem.Value);
            await error.WriteLineAsync(text["Usage"]);
            return Failure;
        }

        try
        {
            await host.Services.MigrateIncidentStoreAsync(CancellationToken.None);
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<KpiSeeder>().SeedAsync(CancellationToken.None);
            var replay = scope.ServiceProvider.GetRequiredService<KpiReplayService>();
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            var run = await replay.RunAsync(kpi!, from, to, now, CancellationToken.None);
            await PrintAsync(run, text, output);
            return run.Failed == 0 ? 0 : Failure;
        }
        catch (Exception failure) when (failure is KeyNotFoundException or ReplayRequestException or InvalidKpiDefinitionException)
        {
            await error.WriteLineAsync(text["ReplayFailed", failure.Message]);
            return Failure;
        }
    }

    private static async Task PrintAsync(ReplayRun run, IStringLocalizer text, TextWriter output)
    {
        var summary = run.Summary;
        await output.WriteLineAsync(text["Header", summary.Kpi, summary.Windows, Format(summary.From), Format(summary.To), summary.AlreadyChecked]);
        int ok = 0, anomalous = 0, noData = 0, opened = 0;
        foreach (var window in run.Windows)
        {
            var start = Format(window.WindowStart);
            var line = window switch
            {
                { Status: CheckStatus.Failed } => text["WindowFailed", start, window.Error ?? ""],
                { Kept: true } => text["WindowKept", start, window.Status],
                { IncidentId: { } id } => text["WindowIncident", start, window.Status, id, window.RootCause ?? ""],
                _ => text["WindowLine", start, window.Status],
            };
            await output.WriteLineAsync(line);
            ok += window.Status == CheckStatus.Ok ? 1 : 0;
            anomalous += window.Status == CheckStatus.Anomalous ? 1 : 0;
            noData += window.Status == CheckStatus.NoData ? 1 : 0;
            opened += window is { Kept: false, IncidentId: not null } ? 1 : 0;
        }

        await output.WriteLineAsync(text["Summary", ok, anomalous, noData, run.Failed, opened]);
    }

    private static bool TryParseTime(string value, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);

    private static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
