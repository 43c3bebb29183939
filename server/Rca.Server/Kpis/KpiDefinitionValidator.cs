using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;

namespace Rca.Server.Kpis;

/// <summary>
/// Checks a KPI definition before it is stored or scheduled. Each error names the KPI, the
/// field as a dotted path, what was expected and the value found.
/// </summary>
internal static partial class KpiDefinitionValidator
{
    /// <summary>The forecast methods the check job can run.</summary>
    public static readonly IReadOnlyList<string> ForecastMethods = ["mean", "seasonal-median", "ewma"];

    private static readonly string[] SourceKinds = ["influxql", "flux"];
    private static readonly string[] Directions = ["both", "up", "down"];
    private static readonly string[] Algorithms = ["psqueeze", "squeeze"];

    /// <summary>Returns every error of the definition; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(KpiDefinition kpi)
    {
        var errors = new List<string>();
        var name = kpi.Name ?? "";
        void Fail(string field, string message) => errors.Add($"KPI '{name}': field '{field}' {message}");

        if (!NamePattern().IsMatch(name))
        {
            Fail("Name", $"must be 1 to 200 letters, digits, '-', '_' or '.', starting with a letter or digit, got '{name}'");
        }

        if (kpi.Source is null)
        {
            Fail("Source", "is required");
        }
        else
        {
            if (!SourceKinds.Contains(kpi.Source.Kind))
            {
                Fail("Source.Kind", $"must be one of {string.Join(", ", SourceKinds)}, got '{kpi.Source.Kind}'");
            }

            if (string.IsNullOrWhiteSpace(kpi.Source.Database))
            {
                Fail("Source.Database", "must not be empty");
            }
        }

        if (string.IsNullOrWhiteSpace(kpi.Measurement))
        {
            Fail("Measurement", "must not be empty");
        }

        if (string.IsNullOrWhiteSpace(kpi.Field))
        {
            Fail("Field", "must not be empty");
        }

        if (kpi.Measure == KpiMeasure.Ratio && string.IsNullOrWhiteSpace(kpi.DenominatorField))
        {
            Fail("DenominatorField", "is required for a ratio measure");
        }
        else if (kpi.Measure == KpiMeasure.Sum && kpi.DenominatorField is not null)
        {
            Fail("DenominatorField", $"must be empty for a sum measure, got '{kpi.DenominatorField}'");
        }
        else if (!Enum.IsDefined(kpi.Measure))
        {
            Fail("Measure", $"must be sum or ratio, got '{kpi.Measure}'");
        }

        ValidateAttributes(kpi.Attributes, Fail);
        ValidateTiming(kpi, Fail);
        ValidateForecast(kpi, Fail);
        ValidateDetection(kpi.Detection, Fail);

        if (kpi.Localizer is null)
        {
            Fail("Localizer", "must not be null");
        }
        else
        {
            if (!Algorithms.Contains(kpi.Localizer.Algorithm))
            {
                Fail("Localizer.Algorithm", $"must be one of {string.Join(", ", Algorithms)}, got '{kpi.Localizer.Algorithm}'");
            }

            if (kpi.Localizer.MaxLeaves < 1)
            {
                Fail("Localizer.MaxLeaves", $"must be at least 1, got {kpi.Localizer.MaxLeaves}");
            }
        }

        for (var i = 0; i < (kpi.Channels?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(kpi.Channels![i]))
            {
                Fail($"Channels[{i}]", "must not be empty");
            }
        }

        return errors;
    }

    /// <summary>
    /// Returns the cron expression of the scheduled check: <see cref="KpiDefinition.Schedule"/>, or
    /// one run per interval when the interval divides a minute, an hour or a day evenly; null otherwise.
    /// </summary>
    public static string? EffectiveSchedule(KpiDefinition kpi)
    {
        if (!string.IsNullOrWhiteSpace(kpi.Schedule))
        {
            return kpi.Schedule;
        }

        var interval = kpi.Interval;
        if (interval <= TimeSpan.Zero || interval.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            return null;
        }

        var seconds = (long)interval.TotalSeconds;
        return seconds switch
        {
            < 60 when 60 % seconds == 0 => $"*/{seconds} * * * * *",
            < 3600 when seconds % 60 == 0 && 60 % (seconds / 60) == 0 => seconds == 60 ? "* * * * *" : $"*/{seconds / 60} * * * *",
            < 86400 when seconds % 3600 == 0 && 24 % (seconds / 3600) == 0 => seconds == 3600 ? "0 * * * *" : $"0 */{seconds / 3600} * * *",
            86400 => "0 0 * * *",
            _ => null,
        };
    }

    private static void ValidateAttributes(IReadOnlyList<string>? attributes, Action<string, string> fail)
    {
        if (attributes is null || attributes.Count == 0)
        {
            fail("Attributes", "must name at least one tag key");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < attributes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(attributes[i]))
            {
                fail($"Attributes[{i}]", "must not be empty");
            }
            else if (!seen.Add(attributes[i]))
            {
                fail($"Attributes[{i}]", $"repeats tag key '{attributes[i]}'");
            }
        }
    }

    private static void ValidateTiming(KpiDefinition kpi, Action<string, string> fail)
    {
        if (kpi.Interval <= TimeSpan.Zero)
        {
            fail("Interval", $"must be positive, got {Format(kpi.Interval)}");
        }
        else if (TimeSpan.TicksPerDay % kpi.Interval.Ticks != 0)
        {
            fail("Interval", $"must divide a day evenly, got {Format(kpi.Interval)}");
        }

        if (kpi.LabelDelay < TimeSpan.Zero)
        {
            fail("LabelDelay", $"must not be negative, got {Format(kpi.LabelDelay)}");
        }

        if (!string.IsNullOrWhiteSpace(kpi.Schedule))
        {
            if (!TryParseCron(kpi.Schedule, out var error))
            {
                fail("Schedule", $"must be a cron expression of 5 or 6 fields, got '{kpi.Schedule}': {error}");
            }
        }
        else if (kpi.Interval > TimeSpan.Zero && TimeSpan.TicksPerDay % kpi.Interval.Ticks == 0 && EffectiveSchedule(kpi) is null)
        {
            fail("Schedule", $"is required because no cron expression runs once per interval of {Format(kpi.Interval)}");
        }
    }

    private static void ValidateForecast(KpiDefinition kpi, Action<string, string> fail)
    {
        var forecast = kpi.Forecast;
        if (forecast is null)
        {
            fail("Forecast", "must not be null");
            return;
        }

        if (!ForecastMethods.Contains(forecast.Method))
        {
            fail("Forecast.Method", $"must be one of {string.Join(", ", ForecastMethods)}, got '{forecast.Method}'");
        }

        if (forecast.History < 1)
        {
            fail("Forecast.History", $"must be at least 1, got {forecast.History}");
        }

        if (forecast.Method == "seasonal-median" && kpi.Interval > TimeSpan.Zero
            && (forecast.Season <= TimeSpan.Zero || forecast.Season.Ticks % kpi.Interval.Ticks != 0))
        {
            fail("Forecast.Season", $"must be a positive multiple of the interval {Format(kpi.Interval)}, got {Format(forecast.Season)}");
        }

        if (forecast.Method == "ewma" && !(forecast.Alpha > 0 && forecast.Alpha <= 1))
        {
            fail("Forecast.Alpha", $"must be in (0, 1], got {forecast.Alpha.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static void ValidateDetection(DetectionOptions? detection, Action<string, string> fail)
    {
        if (detection is null)
        {
            fail("Detection", "must not be null");
            return;
        }

        if (!(double.IsFinite(detection.Threshold) && detection.Threshold > 0))
        {
            fail("Detection.Threshold", $"must be a positive number, got {detection.Threshold.ToString(CultureInfo.InvariantCulture)}");
        }

        if (!(double.IsFinite(detection.MinRelativeChange) && detection.MinRelativeChange >= 0))
        {
            fail("Detection.MinRelativeChange", $"must be a number of at least 0, got {detection.MinRelativeChange.ToString(CultureInfo.InvariantCulture)}");
        }

        if (!Directions.Contains(detection.Direction))
        {
            fail("Detection.Direction", $"must be one of {string.Join(", ", Directions)}, got '{detection.Direction}'");
        }

        // TotalAnomalyDetector rejects an empty baseline, so 0 would fail every check.
        if (detection.BaselineWindows < 1)
        {
            fail("Detection.BaselineWindows", $"must be at least 1, got {detection.BaselineWindows}");
        }
    }

    private static bool TryParseCron(string expression, out string error)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            CronExpression.Parse(expression, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            error = "";
            return true;
        }
        catch (CronFormatException exception)
        {
            error = exception.Message;
            return false;
        }
    }

    private static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")]
    private static partial Regex NamePattern();
}
