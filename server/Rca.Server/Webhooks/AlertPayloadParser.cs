using System.Globalization;
using System.Text.Json;

namespace Rca.Server.Webhooks;

/// <summary>
/// Parses the webhook bodies of Alertmanager (<c>"version": "4"</c>) and Grafana alerting
/// contact points (<c>"version": "1"</c>). Only the fields RcaService uses are required:
/// version, receiver, status, groupKey, alerts, and per alert status, labels, startsAt and
/// fingerprint.
/// </summary>
internal static class AlertPayloadParser
{
    public const string Alertmanager = "alertmanager";
    public const string Grafana = "grafana";

    /// <exception cref="InvalidAlertPayloadException">The body is not JSON of the expected format.</exception>
    public static ReceivedNotification Parse(string source, ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException error)
        {
            throw new InvalidAlertPayloadException($"The body is not valid JSON (line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1}): {error.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidAlertPayloadException($"The body must be a JSON object, got {root.ValueKind}.");
            }

            var expectedVersion = source == Alertmanager ? "4" : "1";
            var version = RequiredString(root, "version", "");
            if (version != expectedVersion)
            {
                throw new InvalidAlertPayloadException($"version must be \"{expectedVersion}\" in the {source} webhook format, got \"{version}\".");
            }

            var receiver = RequiredString(root, "receiver", "");
            var status = RequiredString(root, "status", "");
            var groupKey = RequiredString(root, "groupKey", "");
            var truncated = root.TryGetProperty("truncatedAlerts", out var truncatedElement) && truncatedElement.ValueKind == JsonValueKind.Number
                ? truncatedElement.GetInt32()
                : 0;
            if (!root.TryGetProperty("alerts", out var alertsElement))
            {
                throw new InvalidAlertPayloadException("missing field 'alerts'.");
            }

            if (alertsElement.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidAlertPayloadException($"field 'alerts' must be an array, got {alertsElement.ValueKind}.");
            }

            var alerts = new List<ReceivedAlert>();
            var index = 0;
            foreach (var alert in alertsElement.EnumerateArray())
            {
                alerts.Add(ParseAlert(alert, $"alerts[{index}]."));
                index++;
            }

            return new ReceivedNotification(source, receiver, status, groupKey, truncated, alerts);
        }
    }

    private static ReceivedAlert ParseAlert(JsonElement alert, string path)
    {
        if (alert.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidAlertPayloadException($"'{path.TrimEnd('.')}' must be an object, got {alert.ValueKind}.");
        }

        var status = RequiredString(alert, "status", path);
        if (status is not ("firing" or "resolved"))
        {
            throw new InvalidAlertPayloadException($"field '{path}status' must be firing or resolved, got \"{status}\".");
        }

        if (!alert.TryGetProperty("labels", out var labelsElement) || labelsElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidAlertPayloadException($"missing field '{path}labels' (an object of label names to values).");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in labelsElement.EnumerateObject())
        {
            labels[label.Name] = label.Value.ValueKind == JsonValueKind.String ? label.Value.GetString()! : label.Value.GetRawText();
        }

        var startsAt = Time(RequiredString(alert, "startsAt", path), path + "startsAt")
            ?? throw new InvalidAlertPayloadException($"field '{path}startsAt' must be a time, got the zero time.");
        DateTimeOffset? endsAt = alert.TryGetProperty("endsAt", out var endsElement) && endsElement.ValueKind == JsonValueKind.String
            ? Time(endsElement.GetString()!, path + "endsAt")
            : null;
        var fingerprint = RequiredString(alert, "fingerprint", path);
        return new ReceivedAlert(status, labels, startsAt, endsAt, fingerprint);
    }

    private static string RequiredString(JsonElement element, string name, string path)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            throw new InvalidAlertPayloadException($"missing field '{path}{name}'.");
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new InvalidAlertPayloadException($"field '{path}{name}' must be a string, got {value.ValueKind}.");
        }

        return value.GetString()!;
    }

    // Alertmanager and Grafana write 0001-01-01T00:00:00Z for "no end yet"; that is null here.
    private static DateTimeOffset? Time(string text, string field)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw new InvalidAlertPayloadException($"field '{field}' must be an RFC 3339 time such as 2026-03-01T11:50:00Z, got \"{text}\".");
        }

        return time.Year <= 1 ? null : time;
    }
}
