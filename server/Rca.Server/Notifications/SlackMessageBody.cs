using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rca.Server.Notifications;

/// <summary>
/// The Slack incoming-webhook body (Block Kit). For an incident it shows the KPI, window,
/// severity, direction and change, and the top three root causes with their share of the change
/// (explanatory power). A note marks a cause that probably lies outside the attributes, and a
/// button links to the incident. <see cref="SlackCalibrationBody"/> builds the calibration body.
/// </summary>
internal static class SlackMessageBody
{
    public const int TopRootCauses = 3;

    public static byte[] Create(NotificationContent content) => content switch
    {
        IncidentNotificationContent incident => CreateIncident(incident),
        CalibrationNotificationContent calibration => SlackCalibrationBody.Create(calibration),
        _ => throw new ArgumentException($"No Slack body for notification content of type {content.GetType().Name}.", nameof(content)),
    };

    private static byte[] CreateIncident(IncidentNotificationContent content)
    {
        var incident = content.Incident;
        var resolved = content.Event == NotificationEvents.Resolved;
        var change = incident.RelativeChange >= double.MaxValue
            ? "from a forecast of 0"
            : Percent(Math.Abs(incident.RelativeChange));
        var headline = resolved
            ? $"Resolved: {incident.KpiName} incident {incident.Id}"
            : $"{incident.KpiName} is {incident.Direction} {change}";
        var window = $"{incident.WindowStart:yyyy-MM-dd HH:mm}–{incident.WindowEnd:HH:mm} UTC";

        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Truncate(headline, 150) },
            },
            new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray
                {
                    Field("KPI", Escape(incident.KpiName)),
                    Field("Window", window),
                    Field("Severity", content.Severity),
                    Field("Change", $"{incident.Direction} {change}: {Number(incident.Actual)} against a forecast of {Number(incident.Forecast)}"),
                },
            },
        };

        if (!resolved)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = RootCauses(content) },
            });
        }

        if (!resolved && incident.External)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["type"] = "mrkdwn",
                        ["text"] = "The cause probably lies outside the recorded attributes (an external cause): the root causes above explain the change only weakly.",
                    },
                },
            });
        }

        if (content.Link is not null)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["elements"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["type"] = "button",
                        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Open incident" },
                        ["url"] = content.Link.ToString(),
                    },
                },
            });
        }

        var body = new JsonObject { ["text"] = $"{headline} ({window})", ["blocks"] = blocks };
        return JsonSerializer.SerializeToUtf8Bytes(body);
    }

    private static string RootCauses(IncidentNotificationContent content)
    {
        var sets = content.Incident.RootCauseSets.OrderBy(s => s.Position).Take(TopRootCauses).ToList();
        if (sets.Count == 0)
        {
            return "*Top root causes*\nNo attribute combination explains the change.";
        }

        var text = new StringBuilder("*Top root causes*");
        for (var i = 0; i < sets.Count; i++)
        {
            var share = Percent(sets[i].ExplanatoryPower);
            text.Append('\n').Append(i + 1).Append(". `").Append(Escape(sets[i].Combinations)).Append("`: ").Append(share).Append(" of the change");
        }

        return text.ToString();
    }

    internal static JsonObject Field(string name, string value) => new() { ["type"] = "mrkdwn", ["text"] = $"*{name}*\n{value}" };

    // Slack's mrkdwn reads '&', '<' and '>' as control characters, so text from data is escaped as HTML entities.
    internal static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    // The invariant culture writes "90 %"; chat messages read better as "90%".
    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    internal static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
