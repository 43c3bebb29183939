using Rca.Server.Calibration;

namespace Rca.Server.Tests.Calibration;

public sealed class CalibrationQueryTests
{
    private static readonly DateTimeOffset From = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static CalibrationModelOptions Model() => new()
    {
        Measurement = "ctr_calibration",
        Model = "ctr_v1",
        Fields = ["site", "device"],
        Window = "1h",
    };

    [Fact]
    public void Build_SumsPerWindowAndField()
    {
        var query = CalibrationQuery.Build(Model(), "ads", From, From.AddHours(3));

        Assert.Equal(
            "SELECT sum(\"impressions\") AS \"n\", sum(\"labels\") AS \"y\", sum(\"pred_sum\") AS \"p\", sum(\"pred_sq_sum\") AS \"q\" "
            + "FROM \"ads\"..\"ctr_calibration\" WHERE \"model\" = 'ctr_v1' AND time >= 1772323200000000000 AND time < 1772334000000000000 "
            + "GROUP BY time(1h), \"site\", \"device\" fill(none)",
            query);
    }

    [Fact]
    public void Build_BucketTagAndRetentionPolicy()
    {
        var model = Model();
        model.BucketTag = "bucket";
        model.RetentionPolicy = "30d";
        model.ModelTag = "model_name";
        model.Window = "15m";

        var query = CalibrationQuery.Build(model, "ads", From, From.AddHours(1));

        Assert.Contains("FROM \"ads\".\"30d\".\"ctr_calibration\" WHERE \"model_name\" = 'ctr_v1'", query);
        Assert.EndsWith("GROUP BY time(15m), \"site\", \"device\", \"bucket\" fill(none)", query);
    }

    [Fact]
    public void Build_EscapesHostileNames()
    {
        var model = Model();
        model.Measurement = "m\"; DROP DATABASE \"x";
        model.Model = "v1' OR 1=1 --\\";
        model.Fields = ["si\"te"];

        var query = CalibrationQuery.Build(model, "ads", From, From.AddHours(1));

        Assert.Contains("FROM \"ads\"..\"m\\\"; DROP DATABASE \\\"x\"", query);
        Assert.Contains("WHERE \"model\" = 'v1\\' OR 1=1 --\\\\' AND", query);
        Assert.Contains("GROUP BY time(1h), \"si\\\"te\" fill(none)", query);
    }

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", "'it\\'s'")]
    [InlineData("a\\b", "'a\\\\b'")]
    [InlineData("line\nbreak", "'line\\nbreak'")]
    public void QuoteString_EscapesQuoteBackslashNewline(string value, string expected)
    {
        Assert.Equal(expected, CalibrationQuery.QuoteString(value));
    }

    [Fact]
    public void Build_EmptyRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => CalibrationQuery.Build(Model(), "ads", From, From));
    }
}
