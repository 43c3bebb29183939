using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Rca.Contracts;
using Rca.Contracts.Calibration;
using Rca.Contracts.Jobs;

namespace Rca.Web.Tests.Support;

/// <summary>
/// A bUnit context with MudBlazor, localization and the fake dashboard services, rendered as an
/// interactive server circuit.
/// </summary>
public abstract class DashboardContext : BunitContext
{
    /// <param name="signedInAs">The user name of a signed-in dashboard session; null renders without authentication state, as with anonymous reads.</param>
    internal DashboardContext(string? signedInAs = null)
    {
        Commands = new FakeIncidentCommands(Queries);
        KpiService = new FakeKpiService(Queries);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton<IIncidentQueries>(Queries);
        Services.AddSingleton<IIncidentCommands>(Commands);
        Services.AddSingleton<IKpiQueries>(KpiService);
        Services.AddSingleton<IKpiCommands>(KpiService);
        Services.AddSingleton<ICalibrationQueries>(Calibration);
        Services.AddSingleton<ISystemQueries>(System);
        if (signedInAs is not null)
        {
            AddAuthorization().SetAuthorized(signedInAs);
        }

        // SetRendererInfo comes last because the first service lookup freezes the container.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudPopoverProvider>();
    }

    internal FakeIncidentQueries Queries { get; } = new();

    internal FakeIncidentCommands Commands { get; }

    internal FakeKpiService KpiService { get; }

    internal FakeCalibrationQueries Calibration { get; } = new();

    internal FakeSystemQueries System { get; } = new();
}
