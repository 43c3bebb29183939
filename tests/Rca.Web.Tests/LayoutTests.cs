using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Rca.Web.Components.Layout;

namespace Rca.Web.Tests;

// Not a DashboardContext: the layout brings its own MudBlazor providers.
public sealed class LayoutTests : BunitContext
{
    public LayoutTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
    }

    [Fact]
    public void Layout_SignedIn_OffersSignOut()
    {
        AddAuthorization().SetAuthorized("oncall-reader");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = RenderLayout();

        Assert.Equal(["incidents", "kpis", "calibration", "system"], cut.FindAll("#main-nav a").Select(link => link.GetAttribute("href")).ToArray());
        Assert.All(cut.FindAll("#main-nav a"), link => Assert.False(string.IsNullOrEmpty(link.GetAttribute("aria-label"))));
        Assert.Equal("Signed in as oncall-reader", cut.Find("#signed-in-as").TextContent);
        Assert.Equal("/ui/signout", cut.Find("#sign-out").Closest("form")!.GetAttribute("action"));
    }

    [Fact]
    public void Layout_Anonymous_HasNoSignOut()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = RenderLayout();

        Assert.Equal(4, cut.FindAll("#main-nav a").Count);
        Assert.Empty(cut.FindAll("#sign-out"));
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(parameters => parameters.Add(layout => layout.Body, (RenderFragment)(builder => builder.AddContent(0, "page"))));
}
