using System.Globalization;

namespace Rca.Web.Components.Shared;

/// <summary>
/// Formats numbers and times for the dashboard the same way in every language.
/// </summary>
internal static class DisplayFormat
{
    public static string Number(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);

    public static string Number(double? value) => value is { } number ? Number(number) : "–";

    public static string Percent(double value) => value.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture);

    public static string Share(double value) => value.ToString("0.0%", CultureInfo.InvariantCulture);

    public static string Ratio(double? value) => value is { } number ? number.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    public static string Rate(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    // A small negative score such as -0.0004 rounds to "-0.000", which reads as a real sign.
    public static string Score(double value)
    {
        var text = value.ToString("0.000", CultureInfo.InvariantCulture);
        return text == "-0.000" ? "0.000" : text;
    }

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Window(DateTimeOffset start, DateTimeOffset end) =>
        $"{Time(start)} – {end.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC";
}
