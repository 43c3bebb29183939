using System.Globalization;
using System.Text;

namespace Rca.Server.Demo;

/// <summary>
/// Formats InfluxDB line protocol. Measurements escape commas and spaces. Tag keys, tag values
/// and field keys also escape equals signs. Float fields are written in invariant culture.
/// </summary>
internal static class LineProtocol
{
    /// <summary>Returns one point: <c>measurement,tag=value field=1.5 timestamp</c>. Tags with empty values are left out, as InfluxDB requires.</summary>
    public static string Format(string measurement, IReadOnlyList<KeyValuePair<string, string>> tags, IReadOnlyList<KeyValuePair<string, double>> fields, long timestamp)
    {
        var line = new StringBuilder();
        Escape(line, measurement, escapeEquals: false);
        foreach (var (key, value) in tags.OrderBy(tag => tag.Key, StringComparer.Ordinal))
        {
            if (value.Length == 0)
            {
                continue;
            }

            line.Append(',');
            Escape(line, key, escapeEquals: true);
            line.Append('=');
            Escape(line, value, escapeEquals: true);
        }

        line.Append(' ');
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            Escape(line, fields[i].Key, escapeEquals: true);
            line.Append('=').Append(fields[i].Value.ToString("R", CultureInfo.InvariantCulture));
        }

        line.Append(' ').Append(timestamp.ToString(CultureInfo.InvariantCulture));
        return line.ToString();
    }

    private static void Escape(StringBuilder line, string text, bool escapeEquals)
    {
        foreach (var c in text)
        {
            if (c is ',' or ' ' || (c == '=' && escapeEquals))
            {
                line.Append('\\');
            }

            line.Append(c);
        }
    }
}
