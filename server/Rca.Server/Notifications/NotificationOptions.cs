using Rca.Server.Incidents;

namespace Rca.Server.Notifications;

/// <summary>
/// Outbound notifications, bound from the <c>Notifications</c> configuration section.
/// </summary>
internal sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The channels by name.</summary>
    public Dictionary<string, NotificationChannelOptions> Channels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Attempts per message before it is marked failed (default 8).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The delay after the first failed attempt, in seconds; it doubles after each further failure (default 10).</summary>
    public int RetryDelaySeconds { get; set; } = 10;

    /// <summary>How long a dispatcher keeps the lease on a message it is sending, in seconds (default 60).</summary>
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>The timeout of one delivery request, in seconds (default 10).</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The cron expression of the dispatch job, with seconds (default every 10 s).</summary>
    public string DispatchSchedule { get; set; } = "*/10 * * * * *";

    /// <summary>Returns every invalid setting as a message naming the key.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (name, channel) in Channels)
        {
            var key = $"{Section}:Channels:{name}";
            if (channel.Type is not ("slack" or "webhook"))
            {
                errors.Add($"{key}:Type must be 'slack' or 'webhook', got '{channel.Type}'.");
            }

            if (!Uri.TryCreate(channel.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                errors.Add($"{key}:Url must be an absolute http or https URL, got '{channel.Url}'.");
            }

            if (channel.Type == "webhook" && string.IsNullOrEmpty(channel.Secret))
            {
                errors.Add($"{key}:Secret is required for a webhook channel: receivers verify X-Rca-Signature with it.");
            }

            if (IncidentSeverity.Rank(channel.Filters.MinSeverity) == 0)
            {
                errors.Add($"{key}:Filters:MinSeverity must be low, medium or high, got '{channel.Filters.MinSeverity}'.");
            }

            for (var i = 0; i < channel.Filters.Models.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(channel.Filters.Models[i]))
                {
                    errors.Add($"{key}:Filters:Models:{i} is empty. Expected a calibration model name.");
                }
            }
        }

        if (MaxAttempts < 1 || RetryDelaySeconds < 1 || LeaseSeconds < 1 || TimeoutSeconds < 1)
        {
            errors.Add($"{Section}:MaxAttempts, RetryDelaySeconds, LeaseSeconds and TimeoutSeconds must be at least 1.");
        }

        return errors;
    }
}
