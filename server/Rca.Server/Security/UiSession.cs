using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;

namespace Rca.Server.Security;

/// <summary>
/// The cookie that signs a browser in to the dashboard after it presented an API key: the key's
/// id, name and scopes and an expiry, protected by ASP.NET Core data protection so it cannot be
/// forged or extended. The expiry inside is what the server checks.
/// </summary>
/// <remarks>
/// The cookie carries the scopes the key had at sign-in, so deleting the key or changing its
/// scopes takes effect at the next sign-in, at most <see cref="Lifetime"/> later.
/// </remarks>
internal sealed class UiSession(IDataProtectionProvider protection, TimeProvider time)
{
    public const string CookieName = "rca_ui_session";
    public const string AuthenticationType = "DashboardSession";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly IDataProtector _protector = protection.CreateProtector("Rca.Server.UiSession.v1");

    public void Issue(HttpContext context, ApiKeyIdentity identity)
    {
        var expires = time.GetUtcNow() + Lifetime;
        var payload = string.Join('\n', expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), identity.KeyId, identity.Name, string.Join(',', identity.Scopes));

        // Lax, not Strict: a link to an incident from a chat message must arrive signed in.
        context.Response.Cookies.Append(CookieName, _protector.Protect(payload), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = Lifetime,
        });
    }

    public static void Clear(HttpContext context) => context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });

    /// <summary>Returns the signed-in key as a principal with its scope claims, or null without a valid, unexpired cookie.</summary>
    public ClaimsPrincipal? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        string text;
        try
        {
            text = _protector.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        var parts = text.Split('\n');
        if (parts.Length != 4
            || !long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires)
            || time.GetUtcNow().ToUnixTimeSeconds() >= expires)
        {
            return null;
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, parts[1]),
            new(ClaimTypes.Name, parts[2]),
        };
        claims.AddRange(parts[3].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(scope => new Claim(ApiScopes.ClaimType, scope)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType));
    }
}
