using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Rca.Server.Api;

/// <summary>
/// Limits request bodies: <see cref="ApiOptions.MaxUploadBytes"/> on the upload endpoints
/// (<c>/api/v1/localize</c>, <c>/api/v1/calibration/check</c>) and
/// <see cref="ApiOptions.MaxBodyBytes"/> everywhere else. A declared length above the limit gets
/// 413 before the body is read. A chunked body is cut off by the server's own
/// limit (Kestrel), or by a counting stream where the server has none (the test server).
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<ApiOptions> options, ApiProblemWriter problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = IsUpload(context.Request.Path) ? options.Value.MaxUploadBytes : options.Value.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await problems.WriteAsync(
                context,
                StatusCodes.Status413PayloadTooLarge,
                "Status413",
                $"The request body has {context.Request.ContentLength} bytes, more than the limit of {limit} bytes for {context.Request.Path}.");
            return;
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }
        else if (context.Request.ContentLength is null && context.Request.Body.CanRead)
        {
            context.Request.Body = new LengthLimitedStream(context.Request.Body, limit);
        }

        await next(context);
    }

    private static bool IsUpload(PathString path) =>
        path.StartsWithSegments("/api/v1/localize", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api/v1/calibration/check", StringComparison.OrdinalIgnoreCase);
}
