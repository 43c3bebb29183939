using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Rca.Web.Components.Pages;
using Rca.Web.Tests.Support;

namespace Rca.Web.Tests;

public sealed class SignInTests : DashboardContext
{
    [Fact]
    public void Form_PostsKeyAndReturnUrl()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/signin?returnUrl=%2Fkpis%2Flatency");

        var cut = Render<SignIn>();

        var form = cut.Find("#signin form");
        Assert.Equal("/ui/signin", form.GetAttribute("action"));
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("password", cut.Find("#signin-key").GetAttribute("type"));
        Assert.Equal("key", cut.Find("#signin-key").GetAttribute("name"));
        Assert.Equal("/kpis/latency", cut.Find("input[name=returnUrl]").GetAttribute("value"));
        Assert.Empty(cut.FindAll("#signin-error"));
    }

    [Fact]
    public void Error_ShowsMessage()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/signin?error=scope&returnUrl=https%3A%2F%2Fevil.example%2F");

        var cut = Render<SignIn>();

        Assert.Equal("The API key does not have the read scope.", cut.Find("#signin-error").TextContent);
        Assert.Equal("/", cut.Find("input[name=returnUrl]").GetAttribute("value"));
    }
}
