namespace Rca.Server.Calibration;

/// <summary>
/// One watched model, <c>Calibration:Models:&lt;name&gt;</c>: where its aggregates live in InfluxDB,
/// its windows, when its labels are complete, how drift is decided and where drift is sent.
/// </summary>
/// <remarks>Durations are text such as <c>30m</c>, <c>1h</c>, <c>1d</c> or <c>01:00:00</c>; <see cref="CalibrationOptionsValidator"/> checks them at start-up.</remarks>
internal sealed class CalibrationModelOptions
{
    /// <summary>The InfluxDB measurement with the aggregates.</summary>
    public string Measurement { get; set; } = "";

    /// <summary>The tag that contains the model name and version; <c>model</c> by default.</summary>
    public string ModelTag { get; set; } = "model";

    /// <summary>The value of <see cref="ModelTag"/> whose rows are checked, for example <c>ctr_model_v1</c>.</summary>
    public string Model { get; set; } = "";

    /// <summary>The field tags whose calibration is watched and localized, for example <c>site</c>, <c>device</c>.</summary>
    public List<string> Fields { get; set; } = [];

    /// <summary>The tag with the predicted-probability bucket index; null when the rows have no buckets.</summary>
    public string? BucketTag { get; set; }

    /// <summary>The window length, for example <c>1h</c>. Windows start at multiples of it since the Unix epoch (UTC).</summary>
    public string Window { get; set; } = "1h";

    /// <summary>The time after a window's end by which its labels have arrived: <c>30m</c> for clicks, <c>1d</c> or more for conversions.</summary>
    public string LabelDelay { get; set; } = "30m";

    /// <summary>The named InfluxDB connection (<c>Influx:Connections:&lt;name&gt;</c>); null uses the default <c>Influx</c> connection.</summary>
    public string? Connection { get; set; }

    /// <summary>The InfluxDB database; null uses the connection's default database.</summary>
    public string? Database { get; set; }

    /// <summary>The retention policy; null uses the database's default.</summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>The cron expression (UTC) of the recurring check, five fields or six with seconds; every 5 minutes by default.</summary>
    public string Schedule { get; set; } = "*/5 * * * *";

    /// <summary>Whether the recurring check runs.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The notification channels a drift is sent to.</summary>
    public List<string> Channels { get; set; } = [];

    /// <summary>The most mature windows one run stores; the first run stores this many of the latest. 48 by default.</summary>
    public int MaxCatchUpWindows { get; set; } = 48;

    /// <summary>
    /// The windows read before the first window a run stores, to learn bands from. 28 by default,
    /// twice the default history, so that bands can still be learned while recent windows are out of band.
    /// </summary>
    public int LookbackWindows { get; set; } = 28;

    /// <summary>The drift decision.</summary>
    public CalibrationDriftSettings Drift { get; set; } = new();

    /// <summary>Returns <see cref="Window"/> as a duration; valid after start-up validation.</summary>
    public TimeSpan WindowLength => DurationText.Parse(Window);

    /// <summary>Returns <see cref="LabelDelay"/> as a duration; valid after start-up validation.</summary>
    public TimeSpan LabelDelayTime => DurationText.Parse(LabelDelay);
}
