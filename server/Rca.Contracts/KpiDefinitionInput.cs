namespace Rca.Contracts;

/// <summary>
/// A KPI definition as the dashboard's form edits it: the seed file's fields, with lists as
/// comma-separated text and durations as text such as <c>1m</c>. The server turns it into the
/// seed file's JSON form and validates it with the API's rules.
/// </summary>
public sealed class KpiDefinitionInput
{
    /// <summary>The unique name (letters, digits, '-', '_', '.').</summary>
    public string Name { get; set; } = "";

    /// <summary>A free-text description; blank for none.</summary>
    public string? Description { get; set; }

    /// <summary>The query language: <c>influxql</c> or <c>flux</c>.</summary>
    public string SourceKind { get; set; } = "influxql";

    /// <summary>The name of a configured InfluxDB connection; blank for the default one.</summary>
    public string? Connection { get; set; }

    /// <summary>The database (InfluxQL) or bucket (Flux).</summary>
    public string Database { get; set; } = "";

    /// <summary>The retention policy (InfluxQL); blank for the database default.</summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>The InfluxDB measurement.</summary>
    public string Measurement { get; set; } = "";

    /// <summary><c>sum</c> or <c>ratio</c>.</summary>
    public string Measure { get; set; } = "sum";

    /// <summary>The summed field, or the numerator of a ratio.</summary>
    public string Field { get; set; } = "";

    /// <summary>The denominator field of a ratio; blank for a sum.</summary>
    public string? DenominatorField { get; set; }

    /// <summary>The attribute tag keys, separated by commas.</summary>
    public string Attributes { get; set; } = "";

    /// <summary>The window length, such as <c>1m</c>.</summary>
    public string Interval { get; set; } = "1m";

    /// <summary>The cron expression of the check; blank for once per interval.</summary>
    public string? Schedule { get; set; }

    /// <summary>How long after a window ends its data is complete, such as <c>0s</c> or <c>2m</c>.</summary>
    public string LabelDelay { get; set; } = "0s";

    /// <summary><c>mean</c>, <c>seasonal-median</c> or <c>ewma</c>.</summary>
    public string ForecastMethod { get; set; } = "mean";

    /// <summary>The number of history windows (mean, ewma) or seasons (seasonal-median).</summary>
    public int ForecastHistory { get; set; } = 8;

    /// <summary>The season length of <c>seasonal-median</c>, such as <c>1d</c>.</summary>
    public string ForecastSeason { get; set; } = "1d";

    /// <summary>The smoothing factor of <c>ewma</c>, in (0, 1].</summary>
    public double ForecastAlpha { get; set; } = 0.3;

    /// <summary>The robust z-score of the total's residual above which a window is anomalous.</summary>
    public double DetectionThreshold { get; set; } = 3.5;

    /// <summary>The minimum relative change of the total.</summary>
    public double MinRelativeChange { get; set; } = 0.05;

    /// <summary><c>both</c>, <c>down</c> or <c>up</c>.</summary>
    public string Direction { get; set; } = "both";

    /// <summary>The number of recent windows whose residuals form the baseline.</summary>
    public int BaselineWindows { get; set; } = 30;

    /// <summary><c>psqueeze</c> or <c>squeeze</c>.</summary>
    public string LocalizerAlgorithm { get; set; } = "psqueeze";

    /// <summary>The maximum number of leaves localized.</summary>
    public int MaxLeaves { get; set; } = 2_000_000;

    /// <summary>The notification channels, separated by commas.</summary>
    public string Channels { get; set; } = "";

    /// <summary>Whether the scheduled check runs.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Splits a comma-separated list into its trimmed, non-empty items.</summary>
    /// <param name="text">The list text.</param>
    public static IReadOnlyList<string> SplitList(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
