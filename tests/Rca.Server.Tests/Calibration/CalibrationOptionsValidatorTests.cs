using Microsoft.Extensions.Options;
using Rca.Server.Calibration;
using Rca.Server.Sources;

namespace Rca.Server.Tests.Calibration;

public sealed class CalibrationOptionsValidatorTests
{
    private static CalibrationModelOptions Valid() => new()
    {
        Measurement = "ctr_calibration",
        Model = "ctr_v1",
        Fields = ["site", "device"],
        Database = "ads",
    };

    private static IReadOnlyList<string> Validate(CalibrationModelOptions model, string name = "ctr", InfluxOptions? influx = null)
    {
        var validator = new CalibrationOptionsValidator(Options.Create(influx ?? new InfluxOptions()));
        var options = new CalibrationOptions();
        options.Models[name] = model;
        var result = validator.Validate(null, options);
        return result.Failed ? [.. result.Failures] : [];
    }

    [Fact]
    public void Validate_ValidModel_NoFailures()
    {
        Assert.Empty(Validate(Valid()));
    }

    public static TheoryData<string, string> Cases() => new()
    {
        { "window", "Calibration:Models:ctr:Window is '1x'. Expected a duration such as 30m, 1h, 1d or 01:00:00, of at least 1 s in whole milliseconds." },
        { "delay", "Calibration:Models:ctr:LabelDelay is '-5m'. Expected a duration such as 30m, 1h, 1d or 01:00:00, 0 or more." },
        { "no-fields", "Calibration:Models:ctr:Fields is empty. Expected at least one field tag, such as site." },
        { "repeated-field", "Calibration:Models:ctr:Fields:1 repeats field 'site'. Expected each field once." },
        { "field-is-model-tag", "Calibration:Models:ctr:Fields:1 is 'model', which is the model tag, the bucket tag or time. Expected a field tag." },
        { "measurement", "Calibration:Models:ctr:Measurement is empty. Expected the InfluxDB measurement with the aggregates." },
        { "model", "Calibration:Models:ctr:Model is empty. Expected the model tag value to check, such as ctr_model_v1." },
        { "connection", "Calibration:Models:ctr:Connection names InfluxDB connection 'cloud', which is not configured. Add it under Influx:Connections:cloud, or remove the setting to use the default connection." },
        { "database", "Calibration:Models:ctr:Database is not set and connection 'default' has no default database. Expected the InfluxDB database with the aggregates." },
        { "band-field", "Calibration:Models:ctr:Drift:FieldRceBands:region names field 'region', which is not in Fields (site, device)." },
        { "band-order", "Calibration:Models:ctr:Drift:RatioBand is [1.2, 0.8]. Expected Lower and Upper with 0 ≤ Lower ≤ Upper." },
        { "k", "Calibration:Models:ctr:Drift:K is 0. Expected a positive number such as 4." },
        { "consecutive", "Calibration:Models:ctr:Drift:ConsecutiveWindows is 0. Expected 1 or more." },
        { "epsilon", "Calibration:Models:ctr:Drift:Epsilon is -1. Expected a positive number of labels such as 1." },
        { "lookback", "Calibration:Models:ctr:LookbackWindows is 5. Expected at least Drift:HistoryWindows (14), so that bands can be learned." },
        { "channel", "Calibration:Models:ctr:Channels:0 is empty. Expected a channel name." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_InvalidSetting_NamesModelAndKey(string @case, string expected)
    {
        var model = Valid();
        switch (@case)
        {
            case "window": model.Window = "1x"; break;
            case "delay": model.LabelDelay = "-5m"; break;
            case "no-fields": model.Fields = []; break;
            case "repeated-field": model.Fields = ["site", "site"]; break;
            case "field-is-model-tag": model.Fields = ["site", "model"]; break;
            case "measurement": model.Measurement = " "; break;
            case "model": model.Model = ""; break;
            case "connection": model.Connection = "cloud"; break;
            case "database": model.Database = null; break;
            case "band-field": model.Drift.FieldRceBands["region"] = new BandSettings { Lower = 0, Upper = 0.1 }; break;
            case "band-order": model.Drift.RatioBand = new BandSettings { Lower = 1.2, Upper = 0.8 }; break;
            case "k": model.Drift.K = 0; break;
            case "consecutive": model.Drift.ConsecutiveWindows = 0; break;
            case "epsilon": model.Drift.Epsilon = -1; break;
            case "lookback": model.LookbackWindows = 5; break;
            case "channel": model.Channels = [""]; break;
        }

        Assert.Equal([expected], Validate(model));
    }

    [Fact]
    public void Validate_BadSchedule_NamesCronError()
    {
        var model = Valid();
        model.Schedule = "every hour";

        var failure = Assert.Single(Validate(model));

        Assert.StartsWith("Calibration:Models:ctr:Schedule is 'every hour': ", failure);
        Assert.EndsWith("Expected a cron expression of 5 or 6 fields, such as */5 * * * *.", failure);
    }

    [Fact]
    public void Validate_BadName_NamesIt()
    {
        var failure = Assert.Single(Validate(Valid(), name: "ctr model"));

        Assert.Equal("Calibration:Models:ctr model: the model name 'ctr model' is invalid. Expected 1 to 200 letters, digits, '-', '_' or '.', starting with a letter or digit.", failure);
    }

    [Fact]
    public void Validate_DatabaseFromConnection_Accepted()
    {
        var model = Valid();
        model.Database = null;
        model.Connection = "ads";
        var influx = new InfluxOptions();
        influx.Connections["ads"] = new InfluxConnectionOptions { Database = "ads" };

        Assert.Empty(Validate(model, influx: influx));
    }
}
