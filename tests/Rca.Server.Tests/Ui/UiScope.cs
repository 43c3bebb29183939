using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Rca.Server.Security;

namespace Rca.Server.Tests.Ui;

/// <summary>
/// A DI scope as a dashboard circuit has one, optionally with the user a signed-in session sets.
/// </summary>
internal sealed class UiScope : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    public UiScope(IServiceProvider services, ClaimsPrincipal? user = null)
    {
        _scope = services.CreateAsyncScope();
        if (user is not null)
        {
            var authentication = (IHostEnvironmentAuthenticationStateProvider)Services.GetRequiredService<AuthenticationStateProvider>();
            authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        }
    }

    public IServiceProvider Services => _scope.ServiceProvider;

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Returns the user that the session cookie in <paramref name="setCookie"/> (a Set-Cookie header) signs in.</summary>
    public static ClaimsPrincipal? UserOf(IServiceProvider services, string setCookie)
    {
        var value = setCookie.Split(';')[0];
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = value;
        return services.GetRequiredService<UiSession>().Read(context);
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
