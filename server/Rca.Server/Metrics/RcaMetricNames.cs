namespace Rca.Server.Metrics;

/// <summary>
/// The names of the service's instruments and their labels, as <c>/metrics</c> exports them.
/// Dashboards, alerts and the notification dispatcher use these names.
/// </summary>
/// <remarks>
/// Every label value comes from configuration (KPI, model and channel names) or from a fixed set
/// (check result, calibration verdict), so the number of series stays bounded. Window times,
/// error text and URLs never become label values.
/// </remarks>
internal static class RcaMetricNames
{
    /// <summary>The meter of every RcaService instrument.</summary>
    public const string Meter = "RcaService";

    /// <summary>Histogram of the duration of one KPI window check, by <c>kpi</c> and <c>result</c>.</summary>
    public const string CheckDuration = "rca_check_duration_seconds";

    /// <summary>Counter of KPI window checks that ran, by <c>kpi</c> and <c>result</c> (ok, anomalous, no_data, failed).</summary>
    public const string Checks = "rca_checks_total";

    /// <summary>Histogram of the duration of one localization (PSqueeze) run, by <c>kpi</c>.</summary>
    public const string LocalizationDuration = "rca_localization_duration_seconds";

    /// <summary>Histogram of the duration of one KPI source query, by <c>kpi</c>; failed queries are included.</summary>
    public const string InfluxQueryDuration = "rca_influx_query_duration_seconds";

    /// <summary>Counter of incidents opened, by <c>kpi</c>.</summary>
    public const string IncidentsOpened = "rca_incidents_opened_total";

    /// <summary>Counter of notifications delivered, by <c>channel</c>.</summary>
    public const string NotificationsDelivered = "rca_notifications_delivered_total";

    /// <summary>Counter of notification delivery attempts that failed, by <c>channel</c>.</summary>
    public const string NotificationsFailed = "rca_notifications_failed_total";

    /// <summary>Gauge of the jobs enqueued across all Hangfire queues.</summary>
    public const string HangfireQueueLength = "rca_hangfire_queue_length";

    /// <summary>Counter of calibration check rows stored, by <c>model</c> and <c>verdict</c>.</summary>
    public const string CalibrationChecks = "rca_calibration_checks_total";

    /// <summary>The label of the KPI name.</summary>
    public const string KpiLabel = "kpi";

    /// <summary>The label of the check result: <c>ok</c>, <c>anomalous</c>, <c>no_data</c> or <c>failed</c>.</summary>
    public const string ResultLabel = "result";

    /// <summary>The label of the configured notification channel name.</summary>
    public const string ChannelLabel = "channel";

    /// <summary>The label of the calibration model name.</summary>
    public const string ModelLabel = "model";

    /// <summary>The label of the calibration verdict: ok, drifting, drifted, immature or insufficient_history.</summary>
    public const string VerdictLabel = "verdict";
}
