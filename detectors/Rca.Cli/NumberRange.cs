using System.Globalization;

namespace Rca.Cli;

/// <summary>A closed range of numbers given on the command line as <c>MIN-MAX</c> or one number.</summary>
internal readonly record struct NumberRange(double Min, double Max)
{
    /// <summary>
    /// Parses <c>MIN-MAX</c> or a single number (invariant culture, non-negative). Returns null
    /// when the text is invalid or MIN &gt; MAX.
    /// </summary>
    public static NumberRange? Parse(string text, bool wholeNumbers)
    {
        var parts = text.Split('-');
        if (parts.Length > 2
            || !TryParse(parts[0], wholeNumbers, out var min)
            || !TryParse(parts[^1], wholeNumbers, out var max)
            || min > max)
        {
            return null;
        }

        return new NumberRange(min, max);
    }

    private static bool TryParse(string text, bool wholeNumber, out double value)
    {
        var parsed = double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
        return parsed && (!wholeNumber || (value == Math.Floor(value) && value <= int.MaxValue));
    }
}
