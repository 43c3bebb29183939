namespace Rca.Web.Components.Shared;

/// <summary>
/// The dashboard's KPI page addresses. The form for a new KPI sits at <c>kpis/_new</c> because a
/// KPI name cannot start with '_', so no KPI's own page is hidden by it.
/// </summary>
internal static class KpiRoutes
{
    public const string New = "kpis/_new";

    public static string Detail(string name) => "kpis/" + Uri.EscapeDataString(name);

    public static string Edit(string name) => "kpis/" + Uri.EscapeDataString(name) + "/edit";
}
