using Rca.Server.Kpis;

namespace Rca.Server.Demo;

/// <summary>
/// The contents of <c>demo-cases.json</c>: the bundled RS incidents and the KPI that watches each.
/// </summary>
internal sealed record DemoManifest(IReadOnlyList<DemoCase> Cases);

/// <summary>
/// One bundled RS incident.
/// </summary>
/// <param name="File">The CSV under <c>Demo/Data</c>: <c>min,value,cnt</c> and the attribute columns.</param>
/// <param name="SourceFile">The file name in the RS data set.</param>
/// <param name="IncidentMinute">The labelled incident minute, Unix seconds, before shifting.</param>
/// <param name="Cause">The labelled root cause.</param>
/// <param name="Kpi">The KPI over the case's measurement.</param>
internal sealed record DemoCase(string File, string SourceFile, long IncidentMinute, string Cause, KpiDefinition Kpi);
