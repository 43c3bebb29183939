using Microsoft.EntityFrameworkCore;
using Rca.Detectors.Data;
using Rca.Detectors.Localization;
using Rca.Server.Hosting;
using Rca.Server.Incidents;
using Rca.Server.Kpis;
using Rca.Server.Metrics;
using Rca.Server.Storage;

namespace Rca.Server.Jobs;

/// <summary>
/// Checks one KPI window: reads it with its history, forecasts every leaf, tests the total,
/// localizes the root causes of an anomalous window and stores the check and the incident.
/// The scheduled job and the replay both run this. A window that already has an ok or
/// anomalous check is kept as it is, so retries and repeated replays never duplicate results.
/// A window without data is stored as <c>no_data</c> and checked again by a replay, so points
/// that arrive late are still checked.
/// </summary>
internal sealed class KpiWindowChecker(
    RcaDbContext db,
    KpiSourceResolver sources,
    LocalizerResolver localizers,
    KpiWindowHistory windowHistory,
    RcaMetrics metrics,
    TimeProvider time,
    IncidentOpenedRecorder incidentRecorder,
    ServerIdentity server,
    ILogger<KpiWindowChecker> logger)
{
    private const int RecentIncidentsForThreshold = 200;

    /// <summary>Checks the window that starts at <paramref name="windowStart"/> (aligned to the interval).</summary>
    /// <exception cref="KpiCheckFailedException">The check failed; the failure is recorded first.</exception>
    public async Task<CheckOutcome> CheckAsync(KpiDefinition kpi, DateTimeOffset windowStart, string trigger, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var windowUtc = windowStart.UtcDateTime;
        var record = await db.Checks.SingleOrDefaultAsync(c => c.KpiName == kpi.Name && c.WindowStart == windowUtc, cancellationToken);
        if (record is { Status: CheckStatus.Ok or CheckStatus.Anomalous })
        {
            return new CheckOutcome(record.Status, Kept: true, record.IncidentId);
        }

        if (record is null)
        {
            record = new CheckRecord { KpiName = kpi.Name, WindowStart = windowUtc, Status = CheckStatus.Failed, Trigger = trigger };
            db.Checks.Add(record);
        }

        record.Trigger = trigger;
        record.Server = server.Name;
        record.Attempts++;
        var step = new StepTimer(time);
        try
        {
            var outcome = await RunAsync(kpi, windowStart, trigger, record, step, started, cancellationToken);
            if (!outcome.Kept)
            {
                metrics.RecordCheck(kpi.Name, outcome.Status, time.GetElapsedTime(started));
            }

            return outcome;
        }
        catch (Exception error) when (error is not OperationCanceledException and not DbUpdateException)
        {
            await RecordFailureAsync(kpi, windowStart, record, started, error);
            metrics.RecordCheck(kpi.Name, CheckStatus.Failed, time.GetElapsedTime(started));
            throw new KpiCheckFailedException(kpi.Name, windowStart, error);
        }
    }

    private async Task<CheckOutcome> RunAsync(
        KpiDefinition kpi, DateTimeOffset windowStart, string trigger, CheckRecord record, StepTimer step, long started, CancellationToken cancellationToken)
    {
        var source = new TimedKpiSource(sources.Resolve(kpi), metrics, time);
        WindowData data;

        // Only scheduled checks, which move forward one window at a time, reuse the windows read
        // before. A replay reads its full range, so it includes points written late.
        if (trigger == CheckTrigger.Schedule)
        {
            using var history = await windowHistory.AcquireAsync(kpi, cancellationToken);
            data = await WindowReader.ReadAsync(source, kpi, windowStart, history, cancellationToken);
        }
        else
        {
            data = await WindowReader.ReadAsync(source, kpi, windowStart, null, cancellationToken);
        }

        record.QueryMilliseconds = step.Lap();
        record.LeafCount = data.Leaves.Length;
        if (!HasData(data) && !LeafForecasts.IsTestable(kpi, data))
        {
            return await StoreNoDataAsync(kpi, windowStart, record, step, started, cancellationToken);
        }

        var forecaster = LeafForecasterFactory.Create(kpi.Forecast);
        var (forecastNumerators, forecastDenominators) = LeafForecasts.ForecastLeaves(kpi, data, forecaster);
        var residuals = LeafForecasts.BaselineResiduals(kpi, data, forecaster);
        var testable = LeafForecasts.IsTestable(kpi, data);
        var table = BuildTable(kpi, data, forecastNumerators, forecastDenominators);
        var (actual, forecast) = table.Totals();
        record.Actual = actual;

        // Without history the forecast is 0 by construction, and a ratio without traffic has no
        // value, so neither window can deviate. Such a forecast is not stored, so charts and the
        // API show no forecast rather than a drop to 0.
        record.Forecast = testable ? forecast : null;
        record.ForecastMilliseconds = step.Lap();

        var verdict = testable ? TotalAnomalyTest.Test(kpi.Detection, actual, forecast, residuals) : null;
        record.DetectMilliseconds = step.Lap();

        IncidentRecord? incident = null;
        if (verdict is { IsAnomalous: true })
        {
            if (table.LeafCount > kpi.Localizer.MaxLeaves)
            {
                throw new InvalidOperationException(
                    $"The window has {table.LeafCount} leaves, more than Localizer.MaxLeaves = {kpi.Localizer.MaxLeaves} of KPI '{kpi.Name}'.");
            }

            var localization = localizers.Resolve(kpi).Localize(table, cancellationToken);
            record.LocalizeMilliseconds = step.Lap();
            metrics.RecordLocalization(kpi.Name, TimeSpan.FromMilliseconds(record.LocalizeMilliseconds));
            incident = await CreateIncidentAsync(kpi, windowStart, trigger, verdict, actual, forecast, table.LeafCount, localization, cancellationToken);
            db.Incidents.Add(incident);
            incidentRecorder.Record(kpi, incident, table);
        }

        record.Status = incident is null ? CheckStatus.Ok : CheckStatus.Anomalous;
        record.Error = null;
        if (!await SaveAsync(record, incident, step, started, cancellationToken))
        {
            var stored = await db.Checks.AsNoTracking().SingleAsync(c => c.KpiName == kpi.Name && c.WindowStart == record.WindowStart, cancellationToken);
            return new CheckOutcome(stored.Status, Kept: true, stored.IncidentId);
        }

        if (incident is not null)
        {
            metrics.RecordIncidentOpened(kpi.Name);
            logger.LogInformation(
                "Incident {IncidentId} opened for KPI {Kpi} at {WindowStart:O}: actual {Actual}, forecast {Forecast}, {SetCount} root-cause sets ({RootCause}), external {External}",
                incident.Id, kpi.Name, windowStart, actual, forecast, incident.RootCauseSets.Count, incident.RootCause, incident.External);
        }

        return new CheckOutcome(record.Status, Kept: false, incident?.Id);
    }

    // NOTE: the sources fill windows without points with 0, so a window whose points all have
    // the value 0 is also without data. Such a window is no_data only when it cannot be tested:
    // a ratio without traffic, or a sum without history. A sum that drops to 0 after non-zero
    // history goes through the anomaly test, because a total outage must open an incident.
    private static bool HasData(WindowData data)
    {
        var current = data.Current;
        for (var leaf = 0; leaf < data.Leaves.Length; leaf++)
        {
            if (data.Numerators[leaf][current] != 0 || (data.Denominators is { } denominators && denominators[leaf][current] != 0))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<CheckOutcome> StoreNoDataAsync(
        KpiDefinition kpi, DateTimeOffset windowStart, CheckRecord record, StepTimer step, long started, CancellationToken cancellationToken)
    {
        // No actual and no forecast: a stored 0 would chart as a drop to 0 and read as a value.
        record.Actual = null;
        record.Forecast = null;
        record.Status = CheckStatus.NoData;
        record.Error = null;
        record.IncidentId = null;
        if (!await SaveAsync(record, null, step, started, cancellationToken))
        {
            var stored = await db.Checks.AsNoTracking().SingleAsync(c => c.KpiName == kpi.Name && c.WindowStart == record.WindowStart, cancellationToken);
            return new CheckOutcome(stored.Status, Kept: true, stored.IncidentId);
        }

        logger.LogWarning("KPI {Kpi} has no data in the window at {WindowStart:O}; stored as {Status}", kpi.Name, windowStart, CheckStatus.NoData);
        return new CheckOutcome(record.Status, Kept: false, null);
    }

    private static LeafTable BuildTable(KpiDefinition kpi, WindowData data, double[] forecastNumerators, double[]? forecastDenominators)
    {
        var ratio = kpi.Measure == KpiMeasure.Ratio;
        var builder = new LeafTableBuilder(kpi.Attributes, ratio ? MeasureKind.Derived : MeasureKind.Fundamental);
        var current = data.Current;
        for (var leaf = 0; leaf < data.Leaves.Length; leaf++)
        {
            var actual = data.Numerators[leaf][current];
            if (!ratio)
            {
                if (actual != 0 || forecastNumerators[leaf] != 0)
                {
                    builder.Add(data.Leaves[leaf], actual, forecastNumerators[leaf]);
                }

                continue;
            }

            var actualDenominator = data.Denominators![leaf][current];
            if (actual != 0 || forecastNumerators[leaf] != 0 || actualDenominator != 0 || forecastDenominators![leaf] != 0)
            {
                builder.Add(data.Leaves[leaf], actual, forecastNumerators[leaf], actualDenominator, forecastDenominators![leaf]);
            }
        }

        return builder.Build();
    }

    private async Task<IncidentRecord> CreateIncidentAsync(
        KpiDefinition kpi,
        DateTimeOffset windowStart,
        string trigger,
        AnomalyVerdict verdict,
        double actual,
        double forecast,
        int leafCount,
        LocalizationResult localization,
        CancellationToken cancellationToken)
    {
        var recentMinGps = await db.Incidents.AsNoTracking()
            .Where(i => i.KpiName == kpi.Name && i.MinGps != null)
            .OrderByDescending(i => i.WindowStart)
            .Take(RecentIncidentsForThreshold)
            .Select(i => i.MinGps!.Value)
            .ToListAsync(cancellationToken);
        var threshold = ExternalRootCauseRule.Threshold(recentMinGps);
        var minGps = localization.MinGps;

        var incident = new IncidentRecord
        {
            KpiName = kpi.Name,
            WindowStart = windowStart.UtcDateTime,
            WindowEnd = (windowStart + kpi.Interval).UtcDateTime,
            Actual = actual,
            Forecast = forecast,
            Direction = verdict.Direction,
            RelativeChange = double.IsFinite(verdict.RelativeChange) ? verdict.RelativeChange : double.MaxValue,
            Trigger = trigger,
            Status = "open",
            LeafCount = leafCount,
            MinGps = double.IsNaN(minGps) ? null : minGps,
            ExternalThreshold = threshold,
            External = ExternalRootCauseClassifier.IsExternal(localization, threshold),
            RootCause = localization.FormatRootCause(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };

        for (var position = 0; position < localization.RootCauseSets.Count; position++)
        {
            var set = localization.RootCauseSets[position];
            incident.RootCauseSets.Add(new RootCauseSetRecord
            {
                Position = position,
                Combinations = AttributeCombination.FormatSet(set.Combinations),
                Cuboid = string.Join(',', set.Cuboid),
                Layer = set.Layer,
                Gps = set.Gps,
                RankScore = set.Rank,
                ClusterMeanDeviation = set.ClusterMeanDeviation,
                ExplanatoryPower = set.ExplanatoryPower,
                Impact = set.Impact,
                Actual = set.Actual,
                Forecast = set.Forecast,
                ClusterLeafCount = set.ClusterLeafCount,
            });
        }

        return incident;
    }

    /// <summary>Saves the check and incident in one transaction; false when another run stored the window first.</summary>
    private async Task<bool> SaveAsync(CheckRecord record, IncidentRecord? incident, StepTimer step, long started, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (incident is not null)
            {
                record.IncidentId = incident.Id;
            }

            record.StoreMilliseconds = step.Lap();
            record.TotalMilliseconds = time.GetElapsedTime(started).TotalMilliseconds;
            record.CheckedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException error) when (UniqueViolation.Is(error))
        {
            logger.LogInformation("Check of KPI {Kpi} at {WindowStart:O} was stored by another run first; keeping that result", record.KpiName, record.WindowStart);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task RecordFailureAsync(KpiDefinition kpi, DateTimeOffset windowStart, CheckRecord record, long started, Exception error)
    {
        logger.LogWarning(error, "Check of KPI {Kpi} at {WindowStart:O} failed on attempt {Attempt}", kpi.Name, windowStart, record.Attempts);

        // Drop a half-built incident; the failed check row is all that is stored.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is not CheckRecord).ToList())
        {
            entry.State = EntityState.Detached;
        }

        record.Status = CheckStatus.Failed;
        record.Error = error.Message;
        record.IncidentId = null;
        record.TotalMilliseconds = time.GetElapsedTime(started).TotalMilliseconds;
        record.CheckedAt = time.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateException storeError)
        {
            logger.LogError(storeError, "Could not record the failed check of KPI {Kpi} at {WindowStart:O}", kpi.Name, windowStart);
            db.ChangeTracker.Clear();
        }
    }

    private sealed class StepTimer(TimeProvider time)
    {
        private long _last = time.GetTimestamp();

        public double Lap()
        {
            var now = time.GetTimestamp();
            var elapsed = time.GetElapsedTime(_last, now).TotalMilliseconds;
            _last = now;
            return elapsed;
        }
    }
}
