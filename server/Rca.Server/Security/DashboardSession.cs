using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Rca.Server.Security;

/// <summary>
/// The cookie that opens the Hangfire dashboard after an admin key logged in: the key name and
/// an expiry, protected by ASP.NET Core data protection so it cannot be forged or extended.
/// The cookie itself is a session cookie; the expiry inside it is what the server checks.
/// </summary>
internal sealed class DashboardSession(IDataProtectionProvider protection, TimeProvider time)
{
    public const string CookieName = "rca_dashboard";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly IDataProtector _protector = protection.CreateProtector("Rca.Server.DashboardSession.v1");

    public void Issue(HttpContext context, string keyName)
    {
        var expires = time.GetUtcNow() + Lifetime;
        var value = _protector.Protect($"{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}|{keyName}");
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
        });
    }

    /// <summary>Returns whether the request carries a cookie this server issued that has not expired.</summary>
    public bool IsValid(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return false;
        }

        try
        {
            var text = _protector.Unprotect(value);
            var separator = text.IndexOf('|');
            return separator > 0
                && long.TryParse(text.AsSpan(0, separator), NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires)
                && time.GetUtcNow().ToUnixTimeSeconds() < expires;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
