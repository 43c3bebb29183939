using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rca.Contracts;
using Rca.Server.Notifications;
using Rca.Server.Security;
using Rca.Server.Storage;

namespace Rca.Server.Api;

/// <summary>
/// The outbound notification endpoint: the outbox of incident and calibration messages with each
/// message's delivery state.
/// </summary>
internal static class NotificationsApi
{
    private static readonly string[] Statuses = [NotificationEvents.Pending, NotificationEvents.Delivered, NotificationEvents.Failed];

    public static RouteHandlerBuilder MapNotificationsApi(this IEndpointRouteBuilder app) =>
        app.MapGet(ApiVersion.RoutePrefix + "/notifications", ListAsync)
            .WithName("ListNotifications")
            .WithSummary("Lists outbound notifications, newest first, filtered by status (pending, delivered, failed), channel, incident or calibration check.")
            .WithTags("Notifications")
            .RequireAuthorization(ApiPolicies.Read);

    private static async Task<Results<Ok<Page<NotificationMessageDto>>, ProblemHttpResult>> ListAsync(
        RcaDbContext db,
        Problems problems,
        CancellationToken cancellationToken,
        string? status = null,
        string? channel = null,
        long? incidentId = null,
        long? calibrationCheckId = null,
        int limit = Paging.DefaultLimit,
        int offset = 0)
    {
        if (Paging.Validate(limit, offset) is { } error)
        {
            return problems.BadRequest("InvalidPaging", error);
        }

        if (status is not null && !Statuses.Contains(status))
        {
            return problems.BadRequest("InvalidNotificationFilter", $"'status' must be one of {string.Join(", ", Statuses)}, got '{status}'.");
        }

        var query = db.Set<OutboxMessageRecord>().AsNoTracking();
        if (status is not null)
        {
            query = query.Where(m => m.Status == status);
        }

        if (channel is not null)
        {
            query = query.Where(m => m.Channel == channel);
        }

        if (incidentId is not null)
        {
            query = query.Where(m => m.IncidentId == incidentId);
        }

        if (calibrationCheckId is not null)
        {
            query = query.Where(m => m.CalibrationCheckId == calibrationCheckId);
        }

        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderByDescending(m => m.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<NotificationMessageDto>(
            [.. page.Select(m => new NotificationMessageDto(
                m.Id,
                m.IncidentId,
                m.CalibrationCheckId,
                m.Channel,
                m.Event,
                m.Status,
                m.Attempts,
                ContractMapping.Utc(m.NextAttemptAt),
                m.LastStatusCode,
                m.LastError,
                ContractMapping.Utc(m.CreatedAt),
                m.DeliveredAt is { } delivered ? ContractMapping.Utc(delivered) : null))],
            total,
            offset,
            limit));
    }
}
