namespace Rca.Server.Webhooks;

/// <summary>
/// One alert of an inbound notification, in the fields both formats share.
/// </summary>
internal sealed record ReceivedAlert(
    string Status,
    IReadOnlyDictionary<string, string> Labels,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string Fingerprint);
