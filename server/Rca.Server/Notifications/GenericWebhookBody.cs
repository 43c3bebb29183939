using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rca.Server.Notifications;

/// <summary>
/// The body and signature of a generic webhook notification. The body is versioned JSON
/// (<c>"version": "1"</c>) with the event and either an <c>incident</c> or a
/// <c>calibrationCheck</c> object; <c>X-Rca-Signature: sha256=&lt;hex&gt;</c> is HMAC-SHA256 of
/// the raw body with the channel secret. The body carries <c>sentAt</c>, so a receiver can reject
/// old replays with a value the signature covers; <c>X-Rca-Timestamp</c> repeats it in Unix seconds.
/// </summary>
internal static class GenericWebhookBody
{
    public const string SignatureHeader = "X-Rca-Signature";
    public const string TimestampHeader = "X-Rca-Timestamp";

    public static byte[] Create(NotificationContent content)
    {
        var body = new JsonObject
        {
            ["version"] = "1",
            ["event"] = content.Event,
            ["deliveryId"] = content.DeliveryId,
            // Millisecond precision and a numeric offset parse with common ISO 8601 readers,
            // Python's datetime.fromisoformat among them.
            ["sentAt"] = content.SentAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+00:00'", CultureInfo.InvariantCulture),
        };
        switch (content)
        {
            case IncidentNotificationContent incident:
                body["incident"] = Incident(incident);
                break;
            case CalibrationNotificationContent calibration:
                body["calibrationCheck"] = CalibrationCheck(calibration);
                break;
            default:
                throw new ArgumentException($"No webhook body for notification content of type {content.GetType().Name}.", nameof(content));
        }

        return JsonSerializer.SerializeToUtf8Bytes(body);
    }

    private static JsonObject Incident(IncidentNotificationContent content)
    {
        var incident = content.Incident;
        return new JsonObject
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
        };
    }

    // Field names follow GET /api/v1/calibration/checks/{id}, so a receiver can read both with one model.
    private static JsonObject CalibrationCheck(CalibrationNotificationContent content)
    {
        var check = content.Check;
        return new JsonObject
        {
            ["id"] = check.Id,
            ["model"] = check.ModelName,
            ["windowStart"] = Utc(check.WindowStart),
            ["windowEnd"] = Utc(check.WindowEnd),
            ["verdict"] = check.State,
            ["severity"] = content.Severity,
            ["impressions"] = check.Impressions,
            ["labels"] = check.Labels,
            ["predictionSum"] = check.PredictionSum,
            ["calibrationRatio"] = Finite(check.CalibrationRatio),
            ["ratioBand"] = Band(check.RatioBandLower, check.RatioBandUpper, check.RatioBandLearned),
            ["ratioOutOfBand"] = check.RatioOutOfBand,
            ["consecutiveOutOfBand"] = check.ConsecutiveOutOfBand,
            ["fields"] = new JsonArray([.. check.Fields.OrderBy(f => f.Position).Select(field => (JsonNode)new JsonObject
            {
                ["field"] = field.Field,
                ["fieldEce"] = Finite(field.FieldEce),
                ["fieldRce"] = Finite(field.FieldRce),
                ["band"] = Band(field.BandLower, field.BandUpper, field.BandLearned),
                ["outOfBand"] = field.OutOfBand,
            })]),
            ["segments"] = new JsonArray([.. check.Segments.OrderBy(s => s.Position).Select(segment => (JsonNode)new JsonObject
            {
                ["segment"] = segment.Segment,
                ["layer"] = segment.Layer,
                ["impressions"] = segment.Impressions,
                ["labels"] = segment.Labels,
                ["predictionSum"] = segment.PredictionSum,
                ["calibrationRatio"] = segment.Labels == 0 ? null : Finite(segment.PredictionSum / segment.Labels),
                ["z"] = Finite(segment.Z),
                ["relativeError"] = Finite(segment.RelativeError),
                ["correctionFactor"] = segment.PredictionSum == 0 ? null : Finite(segment.Labels / segment.PredictionSum),
            })]),
            ["url"] = content.Link?.ToString(),
        };
    }

    private static JsonObject? Band(double? lower, double? upper, bool learned) =>
        lower is { } l && upper is { } u ? new JsonObject { ["lower"] = Finite(l), ["upper"] = Finite(u), ["learned"] = learned } : null;

    // JSON has no infinity, and a segment with P = 0 and Y > 0 has z = +∞.
    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    /// <summary>Returns the signature header value, <c>sha256=&lt;lower-case hex&gt;</c>.</summary>
    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static string Utc(DateTime value) => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)).ToString("O");
}
