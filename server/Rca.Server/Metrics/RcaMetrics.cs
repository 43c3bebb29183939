using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Rca.Server.Metrics;

/// <summary>
/// The service's own instruments on the <c>RcaService</c> meter (see <see cref="RcaMetricNames"/>).
/// The check job, the calibration job and the notification dispatcher record through it.
/// </summary>
internal sealed class RcaMetrics
{
    // Checks take from milliseconds (a small KPI) to tens of seconds (a slow InfluxDB or a wide
    // localization), so the buckets span 5 ms to 60 s instead of OpenTelemetry's millisecond defaults.
    private static readonly IReadOnlyList<double> SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Histogram<double> _checkDuration;
    private readonly Counter<long> _checks;
    private readonly Histogram<double> _localizationDuration;
    private readonly Histogram<double> _influxQueryDuration;
    private readonly Counter<long> _incidentsOpened;
    private readonly Counter<long> _notificationsDelivered;
    private readonly Counter<long> _notificationsFailed;
    private readonly Counter<long> _calibrationChecks;

    public RcaMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(RcaMetricNames.Meter);
        var seconds = new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets };
        _checkDuration = meter.CreateHistogram(RcaMetricNames.CheckDuration, "s", "Duration of one KPI window check.", advice: seconds);
        _checks = meter.CreateCounter<long>(RcaMetricNames.Checks, description: "KPI window checks that ran, by result.");
        _localizationDuration = meter.CreateHistogram(RcaMetricNames.LocalizationDuration, "s", "Duration of one root-cause localization.", advice: seconds);
        _influxQueryDuration = meter.CreateHistogram(RcaMetricNames.InfluxQueryDuration, "s", "Duration of one KPI source query.", advice: seconds);
        _incidentsOpened = meter.CreateCounter<long>(RcaMetricNames.IncidentsOpened, description: "Incidents opened.");
        _notificationsDelivered = meter.CreateCounter<long>(RcaMetricNames.NotificationsDelivered, description: "Notifications delivered.");
        _notificationsFailed = meter.CreateCounter<long>(RcaMetricNames.NotificationsFailed, description: "Notification delivery attempts that failed.");
        _calibrationChecks = meter.CreateCounter<long>(RcaMetricNames.CalibrationChecks, description: "Calibration check rows stored, by verdict.");
    }

    /// <summary>Records a check that ran to a stored result (<c>ok</c>, <c>anomalous</c>, <c>no_data</c> or <c>failed</c>).</summary>
    public void RecordCheck(string kpi, string result, TimeSpan duration)
    {
        var tags = new TagList { { RcaMetricNames.KpiLabel, kpi }, { RcaMetricNames.ResultLabel, result } };
        _checks.Add(1, tags);
        _checkDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>Records one localization run of a KPI.</summary>
    public void RecordLocalization(string kpi, TimeSpan duration) =>
        _localizationDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>(RcaMetricNames.KpiLabel, kpi));

    /// <summary>Records one query of a KPI's source, successful or not.</summary>
    public void RecordInfluxQuery(string kpi, TimeSpan duration) =>
        _influxQueryDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>(RcaMetricNames.KpiLabel, kpi));

    /// <summary>Counts an incident opened for a KPI.</summary>
    public void RecordIncidentOpened(string kpi) =>
        _incidentsOpened.Add(1, new KeyValuePair<string, object?>(RcaMetricNames.KpiLabel, kpi));

    /// <summary>Counts a notification delivered to a channel.</summary>
    /// <param name="channel">The configured channel name; never a URL, which may carry a secret and is unbounded.</param>
    public void RecordNotificationDelivered(string channel) =>
        _notificationsDelivered.Add(1, new KeyValuePair<string, object?>(RcaMetricNames.ChannelLabel, channel));

    /// <summary>Counts a failed delivery attempt to a channel; a retried notification counts once per failed attempt.</summary>
    /// <param name="channel">The configured channel name; never a URL or an error text.</param>
    public void RecordNotificationFailed(string channel) =>
        _notificationsFailed.Add(1, new KeyValuePair<string, object?>(RcaMetricNames.ChannelLabel, channel));

    /// <summary>Counts a calibration check row stored for a model with its verdict.</summary>
    public void RecordCalibrationCheck(string model, string verdict) =>
        _calibrationChecks.Add(1, new TagList { { RcaMetricNames.ModelLabel, model }, { RcaMetricNames.VerdictLabel, verdict } });
}
