using Rca.Contracts;
using Rca.Server.Incidents;
using Rca.Server.Kpis;
using Rca.Server.Storage;

namespace Rca.Server.Api;

/// <summary>
/// Maps stored records to the API contracts.
/// </summary>
internal static class ContractMapping
{
    public static IncidentSummary ToSummary(this IncidentRecord incident, double minRelativeChange) => new(
        incident.Id,
        incident.KpiName,
        Utc(incident.WindowStart),
        Utc(incident.WindowEnd),
        incident.Actual,
        incident.Forecast,
        incident.Direction,
        incident.RelativeChange,
        incident.Trigger,
        incident.Status,
        incident.External,
        incident.RootCause,
        Utc(incident.CreatedAt),
        IncidentSeverity.Of(incident.RelativeChange, minRelativeChange));

    public static IncidentDetail ToDetail(
        this IncidentRecord incident,
        double minRelativeChange,
        IReadOnlyList<TotalSeriesPoint> series,
        IncidentFeedbackDto? feedback,
        IReadOnlyList<IncidentStatusChangeDto> history,
        bool drilldownAvailable) => new(
        incident.ToSummary(minRelativeChange),
        incident.MinGps,
        incident.ExternalThreshold,
        incident.LeafCount,
        [.. incident.RootCauseSets.OrderBy(set => set.Position).Select(set => new RootCauseSetDto(
            set.Combinations.Split(';', StringSplitOptions.RemoveEmptyEntries),
            set.Cuboid.Split(',', StringSplitOptions.RemoveEmptyEntries),
            set.Layer,
            set.Gps,
            set.Impact,
            set.ExplanatoryPower,
            set.Actual,
            set.Forecast))],
        series,
        feedback,
        history,
        drilldownAvailable);

    public static KpiCheckDto ToDto(this CheckRecord check) => new(
        check.KpiName,
        Utc(check.WindowStart),
        check.Status,
        check.Trigger,
        check.Error,
        check.Attempts,
        check.LeafCount,
        check.Actual,
        check.Forecast,
        check.IncidentId,
        new CheckDurations(
            check.QueryMilliseconds,
            check.ForecastMilliseconds,
            check.DetectMilliseconds,
            check.LocalizeMilliseconds,
            check.StoreMilliseconds,
            check.TotalMilliseconds),
        Utc(check.CheckedAt),
        check.Server);

    public static KpiSummary ToSummary(this KpiDefinition kpi, CheckRecord? latestCheck) => new(
        kpi.Name,
        kpi.Description,
        kpi.Measurement,
        kpi.Measure == KpiMeasure.Ratio ? "ratio" : "sum",
        kpi.Field,
        kpi.DenominatorField,
        kpi.Attributes,
        kpi.Interval.TotalSeconds,
        KpiDefinitionValidator.EffectiveSchedule(kpi) ?? "",
        kpi.Forecast.Method,
        kpi.Forecast.History,
        kpi.Enabled,
        latestCheck?.ToDto());

    public static IncidentFeedbackDto ToDto(this IncidentFeedbackRecord feedback) =>
        new(feedback.Verdict, feedback.RootCause, feedback.Comment, feedback.Author, Utc(feedback.CreatedAt));

    public static IncidentStatusChangeDto ToDto(this IncidentStatusChangeRecord change) =>
        new(change.From, change.To, change.Actor, change.Comment, Utc(change.ChangedAt));

    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
