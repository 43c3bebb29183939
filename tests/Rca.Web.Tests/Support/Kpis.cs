using Rca.Contracts;

namespace Rca.Web.Tests.Support;

/// <summary>
/// Fixed KPI definitions, checks and test results for component tests.
/// </summary>
internal static class Kpis
{
    public static readonly DateTimeOffset Window = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static KpiSummary Summary(string name, KpiCheckDto? latest = null, string measure = "sum") => new(
        name, "Failed checkouts", "checkout", measure, "errors", measure == "ratio" ? "total" : null, ["region", "isp"], 60, "0 * * * * *", "mean", 8, true, latest);

    public static KpiCheckDto Check(string kpi, int minute, string status, double? actual, double? forecast, long? incident = null, string? error = null) => new(
        kpi, Window.AddMinutes(minute), status, "schedule", error, 1, 12, actual, forecast, incident, new CheckDurations(1, 2, 3, 4, 5, 15), Window.AddMinutes(minute + 1));

    public static KpiDefinitionInput Definition(string name) => new()
    {
        Name = name,
        Database = "shop",
        Measurement = "checkout",
        Field = "errors",
        Attributes = "region, isp",
        Interval = "1m",
    };

    public static KpiTestResult TestResult() => new(
        "checkout-errors",
        Window,
        Window.AddMinutes(1),
        812,
        37,
        37,
        null,
        [new KpiAttributeValues("region", 3, ["eu", "us", "asia"]), new KpiAttributeValues("isp", 2, ["a", "b"])]);
}
