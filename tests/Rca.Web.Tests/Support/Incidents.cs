using Rca.Contracts;

namespace Rca.Web.Tests.Support;

/// <summary>
/// Incidents with known values for component tests.
/// </summary>
internal static class Incidents
{
    public static readonly DateTimeOffset Window = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static IncidentSummary Summary(long id, string kpi = "requests", string status = "open", string rootCause = "province=Beijing", bool external = false) => new(
        id, kpi, Window, Window.AddMinutes(5), 800, 1000, "down", -0.2, "schedule", status, external, rootCause, Window.AddMinutes(6), "high");

    public static IReadOnlyList<RootCauseSetDto> RootCauseSets =>
    [
        new(["province=Beijing"], ["province"], 1, 0.95, 180, 0.9, 20, 200),
        new(["isp=Unicom&province=Shanghai", "isp=Mobile&province=Shanghai"], ["isp", "province"], 2, 0.81, 20, 0.1, 90, 110),
    ];

    public static IncidentDetail Detail(long id, string status = "open", bool external = false, bool drilldown = true) => new(
        Summary(id, status: status, external: external),
        external ? 0.42 : 0.81,
        0.5,
        12,
        RootCauseSets,
        [
            new TotalSeriesPoint(Window.AddMinutes(-10), 1000, 990, "ok"),
            new TotalSeriesPoint(Window.AddMinutes(-5), 1010, 1000, "ok"),
            new TotalSeriesPoint(Window, 800, 1000, "anomalous"),
            new TotalSeriesPoint(Window.AddMinutes(5), null, null, null),
        ],
        null,
        [],
        drilldown);

    public static DrilldownResult Drilldown(long id) => new(
        id,
        ["province", "isp"],
        null,
        4,
        1000,
        [
            new DrilldownCell(["Beijing", "Mobile"], 3, 10, 100, 0.818),
            new DrilldownCell(["Beijing", "Unicom"], 3, 10, 100, 0.818),
            new DrilldownCell(["Shanghai", "Unicom"], 3, 45, 55, 0.1),
            new DrilldownCell(["Shanghai", "Mobile"], 3, 300, 290, -0.017),
        ]);

    public static KpiSummary Kpi(string name) => new(
        name, null, "kpi", "sum", "requests", null, ["province", "isp"], 300, "0 */5 * * * *", "ma", 12, true, null);
}
