namespace Rca.Server.Webhooks;

/// <summary>
/// Inbound webhooks, bound from the <c>Webhooks</c> configuration section.
/// </summary>
internal sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>The alert label that names the KPI (default <c>kpi</c>).</summary>
    public string KpiLabel { get; set; } = "kpi";
}
