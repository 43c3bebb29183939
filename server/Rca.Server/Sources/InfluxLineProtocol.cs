using System.Globalization;
using System.Text;

namespace Rca.Server.Sources;

/// <summary>
/// Formats points in InfluxDB line protocol:
/// <c>measurement[,tag=value…] field=value[,field=value…] timestamp</c>.
/// </summary>
/// <remarks>
/// Escaping follows what InfluxDB 1.6.7 reads back unchanged (checked against the Debian build):
/// in a measurement, <c>,</c> and space are escaped. In tag keys, tag values and field keys,
/// <c>,</c>, <c>=</c> and space are escaped. In string field values, <c>"</c> and <c>\</c> are
/// escaped. 1.6.7 keeps <c>\\</c> in names and tag values as two backslashes, so a backslash
/// is written as is. A backslash that ends a name or value, or that precedes a character the
/// parser unescapes, cannot be written unambiguously and raises <see cref="ArgumentException"/>,
/// as do a line break and an empty tag value, which InfluxDB rejects. Tags are written sorted by key.
/// </remarks>
public static class InfluxLineProtocol
{
    /// <summary>
    /// Appends one point, ending with a newline, to <paramref name="destination"/>.
    /// </summary>
    /// <param name="destination">The buffer to append to.</param>
    /// <param name="measurement">The measurement name.</param>
    /// <param name="tags">The tags; order does not matter.</param>
    /// <param name="fields">At least one field. Values may be <see cref="double"/>, <see cref="float"/>, <see cref="long"/>, <see cref="int"/> (written as integers with the <c>i</c> suffix), <see cref="bool"/> or <see cref="string"/>.</param>
    /// <param name="timestamp">The point time, written in milliseconds (use <c>precision=ms</c>).</param>
    /// <exception cref="ArgumentException">A name or value is empty, contains a newline, or a field value is of an unsupported type or not finite.</exception>
    public static void AppendPoint(
        StringBuilder destination,
        string measurement,
        IEnumerable<KeyValuePair<string, string>> tags,
        IEnumerable<KeyValuePair<string, object>> fields,
        DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(destination);
        RequireText(measurement, "measurement", nameof(measurement));
        var sortedTags = tags.ToArray();
        Array.Sort(sortedTags, static (a, b) => string.CompareOrdinal(a.Key, b.Key));

        var start = destination.Length;
        try
        {
            AppendEscaped(destination, measurement, "measurement", escapeEquals: false);
            foreach (var (key, value) in sortedTags)
            {
                RequireText(key, "tag key", nameof(tags));
                RequireText(value, $"value of tag '{key}'", nameof(tags));
                destination.Append(',');
                AppendEscaped(destination, key, "tag key", escapeEquals: true);
                destination.Append('=');
                AppendEscaped(destination, value, $"value of tag '{key}'", escapeEquals: true);
            }

            var separator = ' ';
            foreach (var (key, value) in fields)
            {
                RequireText(key, "field key", nameof(fields));
                destination.Append(separator);
                separator = ',';
                AppendEscaped(destination, key, "field key", escapeEquals: true);
                destination.Append('=');
                AppendFieldValue(destination, key, value);
            }

            if (separator == ' ')
            {
                throw new ArgumentException($"Point of measurement '{measurement}' has no fields; line protocol needs at least one.", nameof(fields));
            }

            destination.Append(' ').Append(timestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        catch
        {
            destination.Length = start;
            throw;
        }
    }

    /// <summary>Returns one point as a line, without the trailing newline.</summary>
    /// <inheritdoc cref="AppendPoint" path="/param"/>
    /// <exception cref="ArgumentException">A name or value is empty, contains a newline, or a field value is of an unsupported type or not finite.</exception>
    public static string FormatPoint(
        string measurement,
        IEnumerable<KeyValuePair<string, string>> tags,
        IEnumerable<KeyValuePair<string, object>> fields,
        DateTimeOffset timestamp)
    {
        var line = new StringBuilder();
        AppendPoint(line, measurement, tags, fields, timestamp);
        line.Length--;
        return line.ToString();
    }

    private static void AppendFieldValue(StringBuilder destination, string key, object value)
    {
        switch (value)
        {
            case double number:
                RequireFinite(key, number);
                destination.Append(number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case float number:
                RequireFinite(key, number);
                destination.Append(number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case long integer:
                destination.Append(integer.ToString(CultureInfo.InvariantCulture)).Append('i');
                break;
            case int integer:
                destination.Append(integer.ToString(CultureInfo.InvariantCulture)).Append('i');
                break;
            case bool flag:
                destination.Append(flag ? "true" : "false");
                break;
            case string text:
                if (text.Contains('\n'))
                {
                    throw new ArgumentException($"String field '{key}' contains a newline, which line protocol cannot carry.", nameof(value));
                }

                destination.Append('"');
                foreach (var c in text)
                {
                    if (c is '"' or '\\')
                    {
                        destination.Append('\\');
                    }

                    destination.Append(c);
                }

                destination.Append('"');
                break;
            default:
                throw new ArgumentException($"Field '{key}' has a value of type {value?.GetType().Name ?? "null"}; expected double, float, long, int, bool or string.", nameof(value));
        }
    }

    private static void AppendEscaped(StringBuilder destination, string text, string description, bool escapeEquals)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                // InfluxDB 1.6.7 unescapes "\," "\ " "\=" (and "\"" in measurements) and skips the
                // character after any backslash, so these sequences cannot carry a literal backslash.
                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                if (next is '\0' or ',' or ' ' or '=' || (next == '"' && !escapeEquals))
                {
                    throw new ArgumentException(
                        $"The {description} '{text}' has a backslash {(next == '\0' ? "at the end" : $"before '{next}'")}, which InfluxDB 1.x line protocol cannot represent.",
                        nameof(text));
                }
            }

            if (c == ',' || c == ' ' || (escapeEquals && c == '='))
            {
                destination.Append('\\');
            }

            destination.Append(c);
        }
    }

    private static void RequireText(string? text, string description, string parameter)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw new ArgumentException($"The {description} is empty; line protocol needs a non-empty text.", parameter);
        }

        if (text.Contains('\n') || text.Contains('\r'))
        {
            throw new ArgumentException($"The {description} '{text.ReplaceLineEndings(" ")}' contains a line break, which line protocol cannot carry.", parameter);
        }
    }

    private static void RequireFinite(string key, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Field '{key}' is {value}; line protocol accepts only finite numbers.", nameof(value));
        }
    }
}
