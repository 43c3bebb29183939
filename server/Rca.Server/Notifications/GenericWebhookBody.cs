using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rca.Server.Notifications;

/// <summary>
/// The body and signature of a generic webhook notification. The body is versioned JSON
/// (<c>"version": "1"</c>); <c>X-Rca-Signature: sha256=&lt;hex&gt;</c> is HMAC-SHA256 of the raw
/// body with the channel secret. The body carries <c>sentAt</c>, so a receiver can reject old
/// replays with a value the signature covers; <c>X-Rca-Timestamp</c> repeats it in Unix seconds.
/// </summary>
internal static class GenericWebhookBody
{
    public const string SignatureHeader = "X-Rca-Signature";
    public const string TimestampHeader = "X-Rca-Timestamp";

    public static byte[] Create(NotificationContent content)
    {
        var incident = content.Incident;
        var body = new JsonObject
        {
            ["version"] = "1",
            ["event"] = content.Event,
            ["deliveryId"] = content.DeliveryId,
            // Millisecond precision and a numeric offset parse with common ISO 8601 readers,
            // Python's datetime.fromisoformat among them.
            ["sentAt"] = content.SentAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+00:00'", CultureInfo.InvariantCulture),
            ["incident"] = new JsonObject
            {
                ["id"] = incident.Id,
                ["kpi"] = incident.KpiName,
                ["windowStart"] = Utc(incident.WindowStart),
                ["windowEnd"] = Utc(incident.WindowEnd),
                ["actual"] = incident.Actual,
                ["forecast"] = incident.Forecast,
                ["direction"] = incident.Direction,
                ["relativeChange"] = incident.RelativeChange,
                ["severity"] = content.Severity,
                ["status"] = incident.Status,
                ["trigger"] = incident.Trigger,
                ["external"] = incident.External,
                ["url"] = content.Link?.ToString(),
                ["rootCauseSets"] = new JsonArray([.. incident.RootCauseSets.OrderBy(s => s.Position).Select(set => (JsonNode)new JsonObject
                {
                    ["combinations"] = new JsonArray([.. set.Combinations.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(c => (JsonNode)JsonValue.Create(c))]),
                    ["explanatoryPower"] = set.ExplanatoryPower,
                    ["impact"] = set.Impact,
                    ["gps"] = set.Gps,
                })]),
            },
        };
        return JsonSerializer.SerializeToUtf8Bytes(body);
    }

    /// <summary>Returns the signature header value, <c>sha256=&lt;lower-case hex&gt;</c>.</summary>
    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static string Utc(DateTime value) => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)).ToString("O");
}
