using System.Globalization;

namespace Rca.Server.Calibration;

/// <summary>
/// Parses configured durations: a whole or decimal number with the unit <c>s</c>, <c>m</c>,
/// <c>h</c> or <c>d</c> (<c>30m</c>, <c>1h</c>, <c>1.5d</c>), or a .NET time span such as <c>01:00:00</c>.
/// </summary>
internal static class DurationText
{
    public const string Expected = "a duration such as 30m, 1h, 1d or 01:00:00";

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.Length >= 2 && char.IsAsciiLetter(text[^1])
            && double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
            && double.IsFinite(amount))
        {
            TimeSpan? parsed = text[^1] switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            value = parsed ?? default;
            return parsed is not null;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }

    /// <exception cref="FormatException">The text is not a duration.</exception>
    public static TimeSpan Parse(string? text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not {Expected}.");
}
