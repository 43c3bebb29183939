namespace Rca.Server.Webhooks;

/// <summary>What happened to a received alert, as stored.</summary>
internal static class AlertOutcome
{
    /// <summary>A firing alert whose window check is queued.</summary>
    public const string Queued = "queued";

    /// <summary>The same alert (group key, fingerprint, status, start) was received before.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>No KPI label, an unknown KPI, or a resolved alert without an incident.</summary>
    public const string Ignored = "ignored";

    /// <summary>The check of the window found an anomaly; the alert links to the incident.</summary>
    public const string Opened = "opened";

    /// <summary>The check found the KPI total within its forecast, so no incident opened.</summary>
    public const string Normal = "normal";

    /// <summary>A resolved alert resolved the window's incident.</summary>
    public const string Resolved = "resolved";

    /// <summary>The check failed; the reason contains the error.</summary>
    public const string Failed = "failed";
}
