using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rca.Server.Calibration;

namespace Rca.Server.Notifications;

/// <summary>
/// The Slack incoming-webhook body (Block Kit) of a drifted calibration check. It shows the
/// model, window, verdict and overall calibration ratio <c>P/Y</c>, the metrics that left their
/// band, and the top three miscalibrated segments with their ratio and correction factor
/// <c>Y/P</c>. A button links to the check in the API.
/// </summary>
internal static class SlackCalibrationBody
{
    public const int TopSegments = 3;

    public static byte[] Create(CalibrationNotificationContent content)
    {
        var check = content.Check;
        var headline = $"Calibration of {check.ModelName} drifted";
        var window = Window(check.WindowStart, check.WindowEnd);

        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = SlackMessageBody.Truncate(headline, 150) },
            },
            new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray
                {
                    SlackMessageBody.Field("Model", SlackMessageBody.Escape(check.ModelName)),
                    SlackMessageBody.Field("Window", window),
                    SlackMessageBody.Field("Verdict", $"{check.State}, out of band for {check.ConsecutiveOutOfBand} windows in a row"),
                    SlackMessageBody.Field("Calibration ratio P/Y", Ratio(check.CalibrationRatio)),
                },
            },
            Section(OutOfBandMetrics(check)),
            Section(Segments(check)),
        };

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
                        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Open check" },
                        ["url"] = content.Link.ToString(),
                    },
                },
            });
        }

        var body = new JsonObject { ["text"] = $"{headline} ({window})", ["blocks"] = blocks };
        return JsonSerializer.SerializeToUtf8Bytes(body);
    }

    private static string OutOfBandMetrics(CalibrationCheckRecord check)
    {
        var text = new StringBuilder("*Metrics out of band*");
        var count = 0;
        if (check.RatioOutOfBand)
        {
            text.Append("\n• calibration ratio P/Y ").Append(check.CalibrationRatio is { } ratio ? Metric(ratio) : "none (no labels)")
                .Append(Band(check.RatioBandLower, check.RatioBandUpper));
            count++;
        }

        foreach (var field in check.Fields.OrderBy(f => f.Position))
        {
            if (field.OutOfBand)
            {
                // Field-RCE drifts only upwards, so only the band's upper limit matters.
                text.Append("\n• Field-RCE of `").Append(SlackMessageBody.Escape(field.Field)).Append("` ").Append(Metric(field.FieldRce))
                    .Append(field.BandUpper is { } upper ? $", above its band's upper limit {Metric(upper)}" : "");
                count++;
            }
        }

        // A drifted window has at least one metric out of band, so only a row written by hand gets the fallback.
        return count == 0 ? text.Append("\nNo metric is out of band in this window.").ToString() : text.ToString();
    }

    private static string Segments(CalibrationCheckRecord check)
    {
        var segments = check.Segments.OrderBy(s => s.Position).Take(TopSegments).ToList();
        if (segments.Count == 0)
        {
            return "*Top miscalibrated segments*\nNo segment passes the z-test.";
        }

        var text = new StringBuilder("*Top miscalibrated segments*");
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var ratio = segment.Labels == 0 ? "none (no labels)" : Metric(segment.PredictionSum / segment.Labels);
            var correction = segment.PredictionSum == 0 ? "none (no predictions)" : Metric(segment.Labels / segment.PredictionSum);
            text.Append('\n').Append(i + 1).Append(". `").Append(SlackMessageBody.Escape(segment.Segment)).Append("`: ratio P/Y ")
                .Append(ratio).Append(", correction factor Y/P ").Append(correction);
        }

        return text.ToString();
    }

    private static JsonObject Section(string markdown) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = markdown },
    };

    private static string Ratio(double? ratio) => ratio switch
    {
        null => "none (no labels)",
        > 1 => $"{Metric(ratio.Value)}, over-predicts by {Percent(ratio.Value - 1)}",
        < 1 => $"{Metric(ratio.Value)}, under-predicts by {Percent(1 - ratio.Value)}",
        _ => Metric(ratio.Value),
    };

    private static string Band(double? lower, double? upper) =>
        lower is { } l && upper is { } u ? $", band {Metric(l)}–{Metric(u)}" : "";

    // A window shorter than a day shows its end as a time of day, and a longer one shows the end's date too.
    private static string Window(DateTime start, DateTime end) =>
        end - start < TimeSpan.FromDays(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd HH:mm}–{end:HH:mm} UTC")
            : string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd HH:mm}–{end:yyyy-MM-dd HH:mm} UTC");

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Metric(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
