using System.Text.RegularExpressions;

namespace Rca.Server.Tests.Dashboards;

/// <summary>
/// Extracts the metric names a PromQL expression selects: every identifier that is not a
/// function, keyword, label matcher, grouping label, range or Grafana variable.
/// </summary>
internal static partial class PromQlMetricNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan",
    };

    public static IReadOnlySet<string> Extract(string expression)
    {
        var text = StringLiteral().Replace(expression, " ");
        text = LabelMatchers().Replace(text, " ");
        text = RangeSelector().Replace(text, " ");
        text = Grouping().Replace(text, " ");

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Identifier().Matches(text))
        {
            if (!Keywords.Contains(match.Value))
            {
                names.Add(match.Value);
            }
        }

        return names;
    }

    /// <summary>Returns the metric of a Grafana <c>label_values(metric, label)</c> variable query, or null for other queries.</summary>
    public static string? FromLabelValuesQuery(string query)
    {
        var match = LabelValues().Match(query);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex RangeSelector();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", RegexOptions.IgnoreCase)]
    private static partial Regex Grouping();

    // An identifier not preceded by a word character, '$' or '.', and not followed by '(' (a function call).
    [GeneratedRegex(@"(?<![\w$.])[A-Za-z_:][\w:]*\b(?!\s*\()")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^\s*label_values\(\s*([A-Za-z_:][\w:]*)\s*,")]
    private static partial Regex LabelValues();
}
