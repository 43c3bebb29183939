using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Rca.Contracts;

namespace Rca.Web.Tests.Support;

/// <summary>
/// A bUnit context with MudBlazor, localization and the fake incident services, rendered as an
/// interactive server circuit.
/// </summary>
public abstract class DashboardContext : BunitContext
{
    internal DashboardContext()
    {
        Commands = new FakeIncidentCommands(Queries);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton<IIncidentQueries>(Queries);
        Services.AddSingleton<IIncidentCommands>(Commands);

        // SetRendererInfo comes last because the first service lookup freezes the container.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudPopoverProvider>();
    }

    internal FakeIncidentQueries Queries { get; } = new();

    internal FakeIncidentCommands Commands { get; }
}
