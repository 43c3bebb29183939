using Microsoft.AspNetCore.Http.HttpResults;
using Rca.Contracts;
using Rca.Server.Security;
using Rca.Server.Webhooks;

namespace Rca.Server.Api;

/// <summary>
/// Inbound alert webhooks from Alertmanager and Grafana. Each returns 202 at once with every
/// alert's outcome, and checks of firing alerts run in the background.
/// </summary>
internal static class WebhooksApi
{
    private const string AlertmanagerExample = """
        {"version":"4","groupKey":"{}:{alertname=\"FailureRateHigh\"}","truncatedAlerts":0,"status":"firing","receiver":"rca",
         "groupLabels":{"alertname":"FailureRateHigh"},"commonLabels":{"kpi":"failure-rate"},"commonAnnotations":{},
         "externalURL":"http://alertmanager:9093",
         "alerts":[{"status":"firing","labels":{"alertname":"FailureRateHigh","kpi":"failure-rate"},"annotations":{},
                    "startsAt":"2026-03-01T11:50:27Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"","fingerprint":"c0ffee0000000001"}]}
        """;

    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ApiVersion.RoutePrefix + "/webhooks").WithTags("Webhooks").RequireAuthorization(ApiPolicies.Write);

        group.MapPost("/alertmanager", (HttpRequest request, AlertIntake intake, Problems problems, ILogger<AlertIntake> logger, CancellationToken cancellationToken) =>
                ReceiveAsync(AlertPayloadParser.Alertmanager, request, intake, problems, logger, cancellationToken))
            .WithName("ReceiveAlertmanagerWebhook")
            .WithMetadata(new RequestExample(AlertmanagerExample))
            .WithSummary("Receives an Alertmanager webhook (version 4): maps each alert to a KPI by label and localizes its window in the background.")
            .Accepts<AlertReceipt>("application/json");

        group.MapPost("/grafana", (HttpRequest request, AlertIntake intake, Problems problems, ILogger<AlertIntake> logger, CancellationToken cancellationToken) =>
                ReceiveAsync(AlertPayloadParser.Grafana, request, intake, problems, logger, cancellationToken))
            .WithName("ReceiveGrafanaWebhook")
            .WithSummary("Receives a Grafana alerting webhook (version 1): maps each alert to a KPI by label and localizes its window in the background.")
            .Accepts<AlertReceipt>("application/json");

        return group;
    }

    private static async Task<Results<Accepted<AlertReceipt>, ProblemHttpResult>> ReceiveAsync(
        string source, HttpRequest request, AlertIntake intake, Problems problems, ILogger<AlertIntake> logger, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        ReceivedNotification notification;
        try
        {
            notification = AlertPayloadParser.Parse(source, buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        }
        catch (InvalidAlertPayloadException error)
        {
            logger.LogInformation("Rejected a {Source} webhook body: {Problem}", source, error.Message);
            return problems.BadRequest("InvalidWebhookPayload", error.Message);
        }

        var receipt = await intake.ReceiveAsync(notification, cancellationToken);
        return TypedResults.Accepted((string?)null, receipt);
    }
}
