using Rca.Server.Kpis;

namespace Rca.Server.Tests;

public sealed class KpiDefinitionValidatorTests
{
    private static readonly KpiDefinition Valid = new()
    {
        Name = "failure-rate",
        Source = new KpiSourceOptions { Database = "metrics" },
        Measurement = "requests",
        Measure = KpiMeasure.Ratio,
        Field = "failures",
        DenominatorField = "total",
        Attributes = ["region", "isp"],
    };

    [Fact]
    public void Validate_ValidDefinition_HasNoErrors()
    {
        Assert.Empty(KpiDefinitionValidator.Validate(Valid));
    }

    [Fact]
    public void Validate_ZeroHistory_NamesKpiAndField()
    {
        var kpi = Valid with { Name = "x", Forecast = new ForecastOptions { History = 0 } };

        var error = Assert.Single(KpiDefinitionValidator.Validate(kpi));

        Assert.Equal("KPI 'x': field 'Forecast.History' must be at least 1, got 0", error);
    }

    [Theory]
    [InlineData("Name", "KPI 'bad name': field 'Name' must be 1 to 200 letters, digits, '-', '_' or '.', starting with a letter or digit, got 'bad name'")]
    [InlineData("DenominatorField", "KPI 'failure-rate': field 'DenominatorField' is required for a ratio measure")]
    [InlineData("Attributes", "KPI 'failure-rate': field 'Attributes[1]' repeats tag key 'region'")]
    [InlineData("NoAttributes", "KPI 'failure-rate': field 'Attributes' must name at least one tag key")]
    [InlineData("Interval", "KPI 'failure-rate': field 'Interval' must divide a day evenly, got 00:07:00")]
    [InlineData("ZeroInterval", "KPI 'failure-rate': field 'Interval' must be positive, got 00:00:00")]
    [InlineData("Schedule", "KPI 'failure-rate': field 'Schedule' must be a cron expression of 5 or 6 fields, got '61 * * * *'")]
    [InlineData("Method", "KPI 'failure-rate': field 'Forecast.Method' must be one of mean, seasonal-median, ewma, got 'arima'")]
    [InlineData("Alpha", "KPI 'failure-rate': field 'Forecast.Alpha' must be in (0, 1], got 1.5")]
    [InlineData("Threshold", "KPI 'failure-rate': field 'Detection.Threshold' must be a positive number, got -1")]
    [InlineData("Direction", "KPI 'failure-rate': field 'Detection.Direction' must be one of both, up, down, got 'sideways'")]
    [InlineData("Measurement", "KPI 'failure-rate': field 'Measurement' must not be empty")]
    [InlineData("BaselineWindows", "KPI 'failure-rate': field 'Detection.BaselineWindows' must be at least 1, got 0")]
    public void Validate_InvalidField_ReportsIt(string change, string expected)
    {
        var kpi = change switch
        {
            "Name" => Valid with { Name = "bad name" },
            "DenominatorField" => Valid with { DenominatorField = null },
            "Attributes" => Valid with { Attributes = ["region", "region"] },
            "NoAttributes" => Valid with { Attributes = [] },
            "Interval" => Valid with { Interval = TimeSpan.FromMinutes(7) },
            "ZeroInterval" => Valid with { Interval = TimeSpan.Zero },
            "Schedule" => Valid with { Schedule = "61 * * * *" },
            "Method" => Valid with { Forecast = new ForecastOptions { Method = "arima" } },
            "Alpha" => Valid with { Forecast = new ForecastOptions { Method = "ewma", Alpha = 1.5 } },
            "Threshold" => Valid with { Detection = new DetectionOptions { Threshold = -1 } },
            "Direction" => Valid with { Detection = new DetectionOptions { Direction = "sideways" } },
            "Measurement" => Valid with { Measurement = " " },
            "BaselineWindows" => Valid with { Detection = new DetectionOptions { BaselineWindows = 0 } },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        var error = Assert.Single(KpiDefinitionValidator.Validate(kpi));

        Assert.StartsWith(expected, error);
    }

    [Theory]
    [InlineData(30, "*/30 * * * * *")]
    [InlineData(60, "* * * * *")]
    [InlineData(300, "*/5 * * * *")]
    [InlineData(3600, "0 * * * *")]
    [InlineData(21600, "0 */6 * * *")]
    [InlineData(86400, "0 0 * * *")]
    public void EffectiveSchedule_RunsOncePerInterval(int seconds, string expected)
    {
        var kpi = Valid with { Interval = TimeSpan.FromSeconds(seconds) };

        Assert.Equal(expected, KpiDefinitionValidator.EffectiveSchedule(kpi));
    }

    [Fact]
    public void Validate_IntervalWithoutCron_NeedsSchedule()
    {
        var kpi = Valid with { Interval = TimeSpan.FromSeconds(90) };

        var error = Assert.Single(KpiDefinitionValidator.Validate(kpi));

        Assert.Equal("KPI 'failure-rate': field 'Schedule' is required because no cron expression runs once per interval of 00:01:30", error);
    }
}
