using System.Globalization;

namespace Rca.Cli;

/// <summary>Number formats of the text output; invariant, so output does not depend on the locale.</summary>
internal static class NumberText
{
    /// <summary>Formats a score such as GPS or F1 with three decimals, or "-" when it is not a number.</summary>
    public static string Score(double value) =>
        double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    /// <summary>Formats a measure value with up to four decimals and no exponent.</summary>
    public static string Measure(double value) =>
        double.IsFinite(value) ? value.ToString("0.####", CultureInfo.InvariantCulture) : "-";

    /// <summary>Formats seconds with four decimals.</summary>
    public static string Seconds(double seconds) => seconds.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>Formats a count.</summary>
    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
