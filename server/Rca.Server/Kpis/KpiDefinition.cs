namespace Rca.Server.Kpis;

/// <summary>
/// A KPI that RcaService checks on a schedule: an InfluxDB measurement, its attribute tags, and
/// its measure (the sum of one field, or the ratio of two summed fields).
/// </summary>
public sealed record KpiDefinition
{
    /// <summary>The unique name, used in routes and alert labels (letters, digits, '-', '_', '.').</summary>
    public required string Name { get; init; }

    /// <summary>A free-text description for people.</summary>
    public string? Description { get; init; }

    /// <summary>Where the data comes from.</summary>
    public required KpiSourceOptions Source { get; init; }

    /// <summary>The InfluxDB measurement.</summary>
    public required string Measurement { get; init; }

    /// <summary>The measure: the sum of <see cref="Field"/>, or the ratio of two summed fields.</summary>
    public KpiMeasure Measure { get; init; } = KpiMeasure.Sum;

    /// <summary>The field summed for <see cref="KpiMeasure.Sum"/>, or the numerator for <see cref="KpiMeasure.Ratio"/>.</summary>
    public required string Field { get; init; }

    /// <summary>The denominator field for <see cref="KpiMeasure.Ratio"/>; null for a sum.</summary>
    public string? DenominatorField { get; init; }

    /// <summary>The tag keys that break the measure down into leaves.</summary>
    public required IReadOnlyList<string> Attributes { get; init; }

    /// <summary>The window length.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The cron expression of the check; by default once per interval.</summary>
    public string? Schedule { get; init; }

    /// <summary>How long after a window ends its data is complete (late data); the check waits this long.</summary>
    public TimeSpan LabelDelay { get; init; } = TimeSpan.Zero;

    /// <summary>How each leaf is forecast from its history.</summary>
    public ForecastOptions Forecast { get; init; } = new();

    /// <summary>How the total is tested for anomalies.</summary>
    public DetectionOptions Detection { get; init; } = new();

    /// <summary>The localizer options; null takes the defaults.</summary>
    public LocalizerOptions Localizer { get; init; } = new();

    /// <summary>The notification channels that receive incidents of this KPI.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>Whether the scheduled check runs.</summary>
    public bool Enabled { get; init; } = true;
}

/// <summary>The measure of a KPI.</summary>
public enum KpiMeasure
{
    /// <summary>The sum of one field: a fundamental measure.</summary>
    Sum,

    /// <summary>The ratio of two summed fields: a derived measure.</summary>
    Ratio,
}

/// <summary>The query language and connection a KPI is read through.</summary>
public sealed record KpiSourceOptions
{
    /// <summary>The query language: <c>influxql</c> (v1 HTTP API) or <c>flux</c> (InfluxDB 2.x and Cloud).</summary>
    public string Kind { get; init; } = "influxql";

    /// <summary>The name of a connection configured under <c>Influx:Connections</c>; null takes the default one.</summary>
    public string? Connection { get; init; }

    /// <summary>The database (InfluxQL) or bucket (Flux).</summary>
    public required string Database { get; init; }

    /// <summary>The retention policy (InfluxQL); null takes the database default.</summary>
    public string? RetentionPolicy { get; init; }
}

/// <summary>How leaves are forecast from their history.</summary>
public sealed record ForecastOptions
{
    /// <summary><c>mean</c> of the last <see cref="History"/> windows, <c>seasonal-median</c> of the same window over the last <see cref="History"/> seasons, or <c>ewma</c>.</summary>
    public string Method { get; init; } = "mean";

    /// <summary>The number of history windows (mean, ewma) or seasons (seasonal-median).</summary>
    public int History { get; init; } = 8;

    /// <summary>The season length for <c>seasonal-median</c> (1 day or 7 days).</summary>
    public TimeSpan Season { get; init; } = TimeSpan.FromDays(1);

    /// <summary>The smoothing factor of <c>ewma</c>, in (0, 1].</summary>
    public double Alpha { get; init; } = 0.3;
}

/// <summary>How the total is tested for anomalies.</summary>
public sealed record DetectionOptions
{
    /// <summary>The robust z-score of the total's residual above which the window is anomalous.</summary>
    public double Threshold { get; init; } = 3.5;

    /// <summary>The minimum relative change of the total, |actual − forecast| / forecast.</summary>
    public double MinRelativeChange { get; init; } = 0.05;

    /// <summary><c>both</c>, <c>down</c> (actual below forecast) or <c>up</c>.</summary>
    public string Direction { get; init; } = "both";

    /// <summary>The number of recent windows whose residuals form the baseline.</summary>
    public int BaselineWindows { get; init; } = 30;
}

/// <summary>Localizer options a KPI may override.</summary>
public sealed record LocalizerOptions
{
    /// <summary><c>psqueeze</c> or <c>squeeze</c>.</summary>
    public string Algorithm { get; init; } = "psqueeze";

    /// <summary>The maximum number of leaves localized; a larger window is a failed check with that reason.</summary>
    public int MaxLeaves { get; init; } = 2_000_000;
}
