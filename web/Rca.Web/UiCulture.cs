using System.Globalization;

namespace Rca.Web;

/// <summary>
/// The dashboard languages and the cookie that keeps the one a user chose.
/// </summary>
public static class UiCulture
{
    /// <summary>The cookie that contains the chosen language tag. It takes precedence over <c>Accept-Language</c>.</summary>
    public const string CookieName = "rca_ui_culture";

    /// <summary>The language tag of English, the default.</summary>
    public const string English = "en";

    /// <summary>The language tag of Simplified Chinese.</summary>
    public const string SimplifiedChinese = "zh-Hans";

    /// <summary>Returns whether <paramref name="tag"/> is one of the dashboard languages.</summary>
    /// <param name="tag">A language tag.</param>
    public static bool IsSupported(string? tag) => tag is English or SimplifiedChinese;

    /// <summary>The language tag of the current UI culture, or <c>en</c> when the culture has no name.</summary>
    public static string LanguageTag =>
        string.IsNullOrEmpty(CultureInfo.CurrentUICulture.Name) ? English : CultureInfo.CurrentUICulture.Name;
}
