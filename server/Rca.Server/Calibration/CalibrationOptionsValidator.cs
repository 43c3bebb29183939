using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;
using Microsoft.Extensions.Options;
using Rca.Server.Sources;

namespace Rca.Server.Calibration;

/// <summary>
/// Validates every configured model at start-up. Each message names the configuration key
/// (<c>Calibration:Models:&lt;name&gt;:&lt;setting&gt;</c>), the value found and what was expected.
/// </summary>
internal sealed partial class CalibrationOptionsValidator(IOptions<InfluxOptions> influx) : IValidateOptions<CalibrationOptions>
{
    public ValidateOptionsResult Validate(string? name, CalibrationOptions options)
    {
        var failures = new List<string>();
        if (options.MaxUploadBytes < 1)
        {
            failures.Add($"{CalibrationOptions.Section}:MaxUploadBytes is {options.MaxUploadBytes}. Expected a positive number of bytes.");
        }

        foreach (var (modelName, model) in options.Models)
        {
            ValidateModel(modelName, model, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidateModel(string modelName, CalibrationModelOptions model, List<string> failures)
    {
        var path = $"{CalibrationOptions.Section}:Models:{modelName}";
        void Fail(string setting, string problem) => failures.Add($"{path}:{setting} {problem}");

        if (!NamePattern().IsMatch(modelName))
        {
            failures.Add($"{path}: the model name '{modelName}' is invalid. Expected 1 to 200 letters, digits, '-', '_' or '.', starting with a letter or digit.");
        }

        RequireText(model.Measurement, "Measurement", "the InfluxDB measurement with the aggregates", Fail);
        RequireText(model.ModelTag, "ModelTag", "the tag that contains the model name, such as model", Fail);
        RequireText(model.Model, "Model", "the model tag value to check, such as ctr_model_v1", Fail);
        ValidateTags(model, Fail);

        var windowOk = DurationText.TryParse(model.Window, out var window);
        if (!windowOk || window < TimeSpan.FromSeconds(1) || window.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            Fail("Window", $"is '{model.Window}'. Expected {DurationText.Expected}, of at least 1 s in whole milliseconds.");
        }

        if (!DurationText.TryParse(model.LabelDelay, out var delay) || delay < TimeSpan.Zero)
        {
            Fail("LabelDelay", $"is '{model.LabelDelay}'. Expected {DurationText.Expected}, 0 or more.");
        }

        ValidateSource(model, Fail);
        ValidateSchedule(model, Fail);

        for (var i = 0; i < model.Channels.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(model.Channels[i]))
            {
                Fail($"Channels:{i}", "is empty. Expected a channel name.");
            }
        }

        if (model.MaxCatchUpWindows < 1)
        {
            Fail("MaxCatchUpWindows", $"is {model.MaxCatchUpWindows}. Expected 1 or more.");
        }

        if (model.LookbackWindows < model.Drift.HistoryWindows)
        {
            Fail("LookbackWindows", $"is {model.LookbackWindows}. Expected at least Drift:HistoryWindows ({model.Drift.HistoryWindows}), so that bands can be learned.");
        }

        ValidateDrift(model, Fail);
    }

    private static void ValidateTags(CalibrationModelOptions model, Action<string, string> fail)
    {
        if (model.Fields.Count == 0)
        {
            fail("Fields", "is empty. Expected at least one field tag, such as site.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < model.Fields.Count; i++)
        {
            var field = model.Fields[i];
            if (string.IsNullOrWhiteSpace(field))
            {
                fail($"Fields:{i}", "is empty. Expected a tag name.");
            }
            else if (!seen.Add(field))
            {
                fail($"Fields:{i}", $"repeats field '{field}'. Expected each field once.");
            }
            else if (field == model.ModelTag || field == model.BucketTag || field == "time")
            {
                fail($"Fields:{i}", $"is '{field}', which is the model tag, the bucket tag or time. Expected a field tag.");
            }
        }

        if (model.BucketTag is not null && (string.IsNullOrWhiteSpace(model.BucketTag) || model.BucketTag == model.ModelTag))
        {
            fail("BucketTag", $"is '{model.BucketTag}'. Expected a tag name other than the model tag, or no setting when the rows have no buckets.");
        }
    }

    private void ValidateSource(CalibrationModelOptions model, Action<string, string> fail)
    {
        if (!influx.Value.TryGetConnection(model.Connection, out var connection))
        {
            fail("Connection", $"names InfluxDB connection '{model.Connection}', which is not configured. Add it under {InfluxOptions.SectionName}:Connections:{model.Connection}, or remove the setting to use the default connection.");
            return;
        }

        if (string.IsNullOrWhiteSpace(model.Database) && string.IsNullOrWhiteSpace(connection.Database))
        {
            fail("Database", $"is not set and connection '{model.Connection ?? "default"}' has no default database. Expected the InfluxDB database with the aggregates.");
        }
    }

    private static void ValidateSchedule(CalibrationModelOptions model, Action<string, string> fail)
    {
        var fields = (model.Schedule ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            CronExpression.Parse(model.Schedule ?? "", fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException error)
        {
            fail("Schedule", $"is '{model.Schedule}': {error.Message} Expected a cron expression of 5 or 6 fields, such as */5 * * * *.");
        }
    }

    private static void ValidateDrift(CalibrationModelOptions model, Action<string, string> fail)
    {
        var drift = model.Drift;
        if (!(drift.K > 0 && double.IsFinite(drift.K)))
        {
            fail("Drift:K", $"is {Format(drift.K)}. Expected a positive number such as 4.");
        }

        if (drift.ConsecutiveWindows < 1)
        {
            fail("Drift:ConsecutiveWindows", $"is {drift.ConsecutiveWindows}. Expected 1 or more.");
        }

        if (drift.HistoryWindows < 1)
        {
            fail("Drift:HistoryWindows", $"is {drift.HistoryWindows}. Expected 1 or more.");
        }

        if (!(drift.ZThreshold >= 0 && double.IsFinite(drift.ZThreshold)))
        {
            fail("Drift:ZThreshold", $"is {Format(drift.ZThreshold)}. Expected a number of 0 or more such as 4.");
        }

        if (!(drift.MinEffectSize >= 0 && double.IsFinite(drift.MinEffectSize)))
        {
            fail("Drift:MinEffectSize", $"is {Format(drift.MinEffectSize)}. Expected a relative error of 0 or more such as 0.1.");
        }

        if (!(drift.Epsilon > 0 && double.IsFinite(drift.Epsilon)))
        {
            fail("Drift:Epsilon", $"is {Format(drift.Epsilon)}. Expected a positive number of labels such as 1.");
        }

        if (drift.RatioBand is { } ratio)
        {
            ValidateBand(ratio, "Drift:RatioBand", fail);
        }

        foreach (var (field, band) in drift.FieldRceBands)
        {
            if (!model.Fields.Contains(field))
            {
                fail($"Drift:FieldRceBands:{field}", $"names field '{field}', which is not in Fields ({string.Join(", ", model.Fields)}).");
            }

            ValidateBand(band, $"Drift:FieldRceBands:{field}", fail);
        }
    }

    private static void ValidateBand(BandSettings band, string setting, Action<string, string> fail)
    {
        if (!(double.IsFinite(band.Lower) && double.IsFinite(band.Upper) && band.Lower >= 0 && band.Lower <= band.Upper))
        {
            fail(setting, $"is [{Format(band.Lower)}, {Format(band.Upper)}]. Expected Lower and Upper with 0 ≤ Lower ≤ Upper.");
        }
    }

    private static void RequireText(string? value, string setting, string expected, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            fail(setting, $"is empty. Expected {expected}.");
        }
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$")]
    private static partial Regex NamePattern();
}
