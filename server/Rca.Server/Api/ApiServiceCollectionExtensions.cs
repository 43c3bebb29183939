using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Hangfire;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Rca.Server.Hosting;
using Rca.Server.Incidents;
using Rca.Server.Localizations;
using Rca.Server.Notifications;
using Rca.Server.Security;
using Rca.Server.Storage;
using Rca.Server.Webhooks;
using Scalar.AspNetCore;

namespace Rca.Server.Api;

/// <summary>
/// Registers and maps the REST API: security, problem details, limits, OpenAPI and the
/// endpoint groups for incidents, KPIs, keys, localization, webhooks and notifications.
/// </summary>
internal static class ApiServiceCollectionExtensions
{
    public const string LocalizeRateLimitPolicy = "localize";

    /// <summary>Registers the API services; the options and incident recording come from <c>AddRcaServer</c>.</summary>
    public static IServiceCollection AddRcaApi(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        // ASP.NET Core writes API JSON with the relaxed encoder, which leaves '<', '>' and '&'
        // as they are; the default encoder escapes them, so text from a request (an attribute
        // name in an error message) can never form markup in a response.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Encoder = JavaScriptEncoder.Default);
        services.Configure<ProblemDetailsOptions>(options => options.CustomizeProblemDetails = ProblemTitleLocalizer.Apply);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<OpenApiOptions>("v1", OpenApiExamples.Configure);

        services.AddDataProtection()
            .SetApplicationName("RcaService")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DataDirectory.Resolve(configuration, contentRootPath), "data-protection-keys")));

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Read, policy => policy.AddRequirements(new ScopeRequirement(ApiScopes.Read)))
            .AddPolicy(ApiPolicies.Write, policy => policy.AddRequirements(new ScopeRequirement(ApiScopes.Write)))
            .AddPolicy(ApiPolicies.Admin, policy => policy.AddRequirements(new ScopeRequirement(ApiScopes.Admin)));
        services.AddSingleton<IAuthorizationHandler, ScopeAuthorizationHandler>();
        services.AddRateLimiter(ConfigureRateLimiter);

        services.AddScoped<ApiKeyValidator>();
        services.AddSingleton<ApiProblemWriter>();
        services.AddSingleton<DashboardSession>();
        services.AddSingleton<HangfireDashboardAuthorization>();
        services.AddScoped<IncidentTransitions>();
        services.AddScoped<AdHocLocalizer>();
        services.AddScoped<WindowTableReader>();
        services.AddScoped<LocalizationJob>();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section));
        services.AddScoped<AlertIntake>();
        services.AddScoped<AlertLocalizationJob>();

        services.AddHttpClient(NotificationSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddScoped<NotificationSender>();
        services.AddScoped<NotificationDispatcher>();
        services.AddScoped<NotificationDispatchJob>();
        services.AddScoped<OutboxSaveInterceptor>();
        services.AddIncidentStoreInterceptor<OutboxSaveInterceptor>();
        services.AddHostedService<NotificationStartup>();
        return services;
    }

    /// <summary>Sets the request culture; call it first, before the exception handler, so every problem title is translated.</summary>
    public static IApplicationBuilder UseRequestCulture(this IApplicationBuilder app) => app.UseMiddleware<RequestCultureMiddleware>();

    /// <summary>Adds body limits, authentication, authorization and rate limiting.</summary>
    public static IApplicationBuilder UseRcaApi(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return next(context);
        });
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Maps the endpoint groups of this layer, the API reference at /docs and the Hangfire dashboard.</summary>
    public static void MapRcaApi(this WebApplication app)
    {
        app.MapIncidentActionsApi();
        app.MapAccuracyApi();
        app.MapKpiAdminApi();
        app.MapKeysApi();
        app.MapDashboardLoginApi();
        app.MapLocalizeApi();
        app.MapWebhooksApi();
        app.MapNotificationsApi();

        app.MapScalarApiReference("/docs", options => options.WithTitle("RcaService API"));

        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            AsyncAuthorization = [app.Services.GetRequiredService<HangfireDashboardAuthorization>()],
            DashboardTitle = "RcaService jobs",
        });
    }

    private static void ConfigureRateLimiter(RateLimiterOptions options)
    {
        options.AddPolicy(LocalizeRateLimitPolicy, context =>
        {
            var api = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
            var partition = context.User.FindFirstValue(ClaimTypes.NameIdentifier)
                ?? "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = api.LocalizeRateLimit,
                Window = TimeSpan.FromSeconds(api.LocalizeRateWindowSeconds),
                QueueLimit = 0,
            });
        });
        options.OnRejected = async (context, cancellationToken) =>
        {
            var api = context.HttpContext.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(api.LocalizeRateWindowSeconds);
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await context.HttpContext.RequestServices.GetRequiredService<ApiProblemWriter>().WriteAsync(
                context.HttpContext,
                StatusCodes.Status429TooManyRequests,
                "Status429",
                $"More than {api.LocalizeRateLimit} requests in {api.LocalizeRateWindowSeconds} s for this API key; retry after {(int)Math.Ceiling(retryAfter.TotalSeconds)} s.");
        };
    }
}
