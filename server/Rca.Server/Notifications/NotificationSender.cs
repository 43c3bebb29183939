using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Rca.Server.Notifications;

/// <summary>
/// Posts one notification to its channel's configured URL, the only destination a message can
/// have. Redirects are not followed, so a channel cannot forward messages elsewhere.
/// </summary>
internal sealed class NotificationSender(IHttpClientFactory clients, IOptions<NotificationOptions> options)
{
    public const string ClientName = "notifications";

    /// <summary>Returns the HTTP status, or null with the error when no response arrived.</summary>
    public async Task<(int? StatusCode, string? Error)> SendAsync(string channelName, NotificationContent content, CancellationToken cancellationToken)
    {
        if (!options.Value.Channels.TryGetValue(channelName, out var channel))
        {
            return (null, $"Channel '{channelName}' is no longer configured under Notifications:Channels.");
        }

        var body = channel.Type == "slack" ? SlackMessageBody.Create(content) : GenericWebhookBody.Create(content);
        using var request = new HttpRequestMessage(HttpMethod.Post, channel.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Rca-Event", content.Event);
        request.Headers.Add("X-Rca-Delivery", content.DeliveryId.ToString(CultureInfo.InvariantCulture));
        if (channel.Type == "webhook")
        {
            request.Headers.Add(GenericWebhookBody.TimestampHeader, content.SentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(GenericWebhookBody.SignatureHeader, GenericWebhookBody.Sign(body, channel.Secret!));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
            return ((int)response.StatusCode, response.IsSuccessStatusCode ? null : $"{channel.Url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
        catch (HttpRequestException error)
        {
            return (null, $"POST {channel.Url} failed: {error.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"POST {channel.Url} timed out after {options.Value.TimeoutSeconds} s.");
        }
    }
}
