using System.Globalization;

namespace Rca.Cli;

/// <summary>
/// Chooses the language of messages: <c>--lang</c>, then the <c>RCA_LANG</c> environment
/// variable, then the system language (the UI culture, or <c>LC_ALL</c>, <c>LC_MESSAGES</c> and
/// <c>LANG</c> in POSIX order when the runtime has no culture data).
/// </summary>
internal static class UiLanguage
{
    public const string English = "en";
    public const string SimplifiedChinese = "zh-Hans";
    public const string OptionName = "--lang";
    public const string EnvironmentVariable = "RCA_LANG";

    public static readonly string[] Supported = [English, SimplifiedChinese];

    /// <summary>Returns the language tag to use.</summary>
    /// <exception cref="CliUsageException"><c>--lang</c> or <c>RCA_LANG</c> names a language other than en or zh-Hans.</exception>
    public static string Resolve(IReadOnlyList<string> args, Func<string, string?> getEnvironmentVariable)
    {
        // The option is read ahead of parsing because the help texts of the command tree are
        // built in the chosen language.
        var requested = FindOptionValue(args);
        if (requested is not null)
        {
            return Explicit(requested, OptionName);
        }

        var variable = getEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(variable))
        {
            return Explicit(variable, EnvironmentVariable);
        }

        var uiCulture = CultureInfo.CurrentUICulture.Name;
        if (uiCulture.Length > 0)
        {
            return FromLocale(uiCulture);
        }

        foreach (var name in new[] { "LC_ALL", "LC_MESSAGES", "LANG" })
        {
            var locale = getEnvironmentVariable(name);
            if (!string.IsNullOrEmpty(locale))
            {
                return FromLocale(locale);
            }
        }

        return English;
    }

    /// <summary>
    /// Maps a system locale such as <c>zh_CN.UTF-8</c> or <c>zh-Hans-CN</c> to a supported
    /// language; Simplified Chinese locales give zh-Hans, everything else English.
    /// </summary>
    public static string FromLocale(string locale)
    {
        var tag = locale.Split('.', '@')[0].Replace('_', '-');
        var parts = tag.Split('-');
        if (!parts[0].Equals("zh", StringComparison.OrdinalIgnoreCase))
        {
            return English;
        }

        foreach (var part in parts.AsSpan(1))
        {
            if (part.Equals("Hant", StringComparison.OrdinalIgnoreCase)
                || part.Equals("TW", StringComparison.OrdinalIgnoreCase)
                || part.Equals("HK", StringComparison.OrdinalIgnoreCase)
                || part.Equals("MO", StringComparison.OrdinalIgnoreCase))
            {
                // No Traditional Chinese translation exists; English is closer to what such a
                // user expects than Simplified Chinese.
                return English;
            }
        }

        return SimplifiedChinese;
    }

    private static string Explicit(string value, string source)
    {
        foreach (var language in Supported)
        {
            if (language.Equals(value, StringComparison.OrdinalIgnoreCase))
            {
                return language;
            }
        }

        throw new CliUsageException(string.Format(
            CultureInfo.InvariantCulture, Resources.Messages.ResourceManager.GetString(nameof(Resources.Messages.InvalidLanguage), new LanguageCulture(English))!, value, source));
    }

    private static string? FindOptionValue(IReadOnlyList<string> args)
    {
        string? value = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                break;
            }

            if (arg == OptionName && i + 1 < args.Count)
            {
                value = args[++i];
            }
            else if (arg.Length > OptionName.Length + 1
                && arg.StartsWith(OptionName, StringComparison.Ordinal)
                && arg[OptionName.Length] is '=' or ':')
            {
                value = arg[(OptionName.Length + 1)..];
            }
        }

        return value;
    }
}
