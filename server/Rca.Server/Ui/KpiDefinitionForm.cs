using System.Globalization;
using System.Text.Json.Nodes;
using Rca.Contracts;
using Rca.Server.Kpis;

namespace Rca.Server.Ui;

/// <summary>
/// Converts between the dashboard's KPI form and the seed file's JSON form, so the form goes
/// through the same reader and validator as an API request body.
/// </summary>
internal static class KpiDefinitionForm
{
    /// <summary>Writes the form as the seed file's JSON. Blank optional fields are left out, so their defaults apply.</summary>
    public static JsonObject ToJson(KpiDefinitionInput input)
    {
        var source = new JsonObject { ["kind"] = input.SourceKind.Trim(), ["database"] = input.Database.Trim() };
        AddIfPresent(source, "connection", input.Connection);
        AddIfPresent(source, "retentionPolicy", input.RetentionPolicy);

        var json = new JsonObject
        {
            ["name"] = input.Name.Trim(),
            ["source"] = source,
            ["measurement"] = input.Measurement.Trim(),
            ["measure"] = input.Measure.Trim(),
            ["field"] = input.Field.Trim(),
            ["attributes"] = ToArray(KpiDefinitionInput.SplitList(input.Attributes)),
            ["interval"] = input.Interval.Trim(),
            ["labelDelay"] = input.LabelDelay.Trim(),
            ["forecast"] = new JsonObject
            {
                ["method"] = input.ForecastMethod.Trim(),
                ["history"] = input.ForecastHistory,
                ["season"] = input.ForecastSeason.Trim(),
                ["alpha"] = input.ForecastAlpha,
            },
            ["detection"] = new JsonObject
            {
                ["threshold"] = input.DetectionThreshold,
                ["minRelativeChange"] = input.MinRelativeChange,
                ["direction"] = input.Direction.Trim(),
                ["baselineWindows"] = input.BaselineWindows,
            },
            ["localizer"] = new JsonObject { ["algorithm"] = input.LocalizerAlgorithm.Trim(), ["maxLeaves"] = input.MaxLeaves },
            ["channels"] = ToArray(KpiDefinitionInput.SplitList(input.Channels)),
            ["enabled"] = input.Enabled,
        };
        AddIfPresent(json, "description", input.Description);

        // The form disables the denominator for a sum but keeps its text, which the validator would reject.
        if (input.Measure.Trim() == "ratio")
        {
            AddIfPresent(json, "denominatorField", input.DenominatorField);
        }

        AddIfPresent(json, "schedule", input.Schedule);
        return json;
    }

    /// <summary>Fills the form from a stored definition.</summary>
    public static KpiDefinitionInput FromDefinition(KpiDefinition kpi) => new()
    {
        Name = kpi.Name,
        Description = kpi.Description,
        SourceKind = kpi.Source.Kind,
        Connection = kpi.Source.Connection,
        Database = kpi.Source.Database,
        RetentionPolicy = kpi.Source.RetentionPolicy,
        Measurement = kpi.Measurement,
        Measure = kpi.Measure == KpiMeasure.Ratio ? "ratio" : "sum",
        Field = kpi.Field,
        DenominatorField = kpi.DenominatorField,
        Attributes = string.Join(", ", kpi.Attributes),
        Interval = Duration(kpi.Interval),
        Schedule = kpi.Schedule,
        LabelDelay = Duration(kpi.LabelDelay),
        ForecastMethod = kpi.Forecast.Method,
        ForecastHistory = kpi.Forecast.History,
        ForecastSeason = Duration(kpi.Forecast.Season),
        ForecastAlpha = kpi.Forecast.Alpha,
        DetectionThreshold = kpi.Detection.Threshold,
        MinRelativeChange = kpi.Detection.MinRelativeChange,
        Direction = kpi.Detection.Direction,
        BaselineWindows = kpi.Detection.BaselineWindows,
        LocalizerAlgorithm = kpi.Localizer.Algorithm,
        MaxLeaves = kpi.Localizer.MaxLeaves,
        Channels = string.Join(", ", kpi.Channels),
        Enabled = kpi.Enabled,
    };

    /// <summary>Writes a duration in the largest whole unit (<c>1d</c>, <c>5m</c>, <c>30s</c>), or as <c>hh:mm:ss</c> when none fits.</summary>
    public static string Duration(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        if (value.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return (value.Ticks / TimeSpan.TicksPerDay).ToString(CultureInfo.InvariantCulture) + "d";
        }

        if (value.Ticks % TimeSpan.TicksPerHour == 0)
        {
            return (value.Ticks / TimeSpan.TicksPerHour).ToString(CultureInfo.InvariantCulture) + "h";
        }

        if (value.Ticks % TimeSpan.TicksPerMinute == 0)
        {
            return (value.Ticks / TimeSpan.TicksPerMinute).ToString(CultureInfo.InvariantCulture) + "m";
        }

        return value.Ticks % TimeSpan.TicksPerSecond == 0
            ? (value.Ticks / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture) + "s"
            : value.ToString("c", CultureInfo.InvariantCulture);
    }

    private static JsonArray ToArray(IReadOnlyList<string> items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(item);
        }

        return array;
    }

    private static void AddIfPresent(JsonObject json, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            json[name] = value.Trim();
        }
    }
}
