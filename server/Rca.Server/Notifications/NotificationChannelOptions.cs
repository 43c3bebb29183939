namespace Rca.Server.Notifications;

/// <summary>
/// One outbound channel, <c>Notifications:Channels:&lt;name&gt;</c>.
/// </summary>
internal sealed class NotificationChannelOptions
{
    /// <summary><c>slack</c> (incoming webhook, Block Kit body) or <c>webhook</c> (signed generic JSON).</summary>
    public string Type { get; set; } = "";

    /// <summary>The URL messages are posted to; the only place a message can go.</summary>
    public string Url { get; set; } = "";

    /// <summary>The HMAC-SHA256 key of a <c>webhook</c> channel's <c>X-Rca-Signature</c>.</summary>
    public string? Secret { get; set; }

    /// <summary>Which incidents and calibration drifts the channel receives.</summary>
    public NotificationFilterOptions Filters { get; set; } = new();
}
