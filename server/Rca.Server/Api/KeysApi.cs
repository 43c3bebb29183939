using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rca.Contracts;
using Rca.Server.Security;
using Rca.Server.Storage;

namespace Rca.Server.Api;

/// <summary>
/// The API key endpoints, for keys with the admin scope.
/// </summary>
internal static class KeysApi
{
    public static RouteGroupBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ApiVersion.RoutePrefix + "/keys").WithTags("API keys").RequireAuthorization(ApiPolicies.Admin);

        group.MapPost("/", CreateAsync)
            .WithName("CreateApiKey")
            .WithSummary("Creates an API key and returns its text; the text is shown only in this response.")
            .WithMetadata(new RequestExample("""{"name":"payments-runbook","scopes":["write"]}"""));

        group.MapGet("/", ListAsync)
            .WithName("ListApiKeys")
            .WithSummary("Lists the stored API keys without their secrets.");

        group.MapDelete("/{id}", DeleteAsync)
            .WithName("DeleteApiKey")
            .WithSummary("Deletes an API key; requests with it fail from then on.");

        return group;
    }

    private static async Task<Results<Created<ApiKeyCreated>, ValidationProblem>> CreateAsync(
        ApiKeyCreateRequest body, RcaDbContext db, Problems problems, TimeProvider time, ILogger<ApiKeyRecord> logger, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var name = body.Name?.Trim() ?? "";
        if (name.Length is < 1 or > 200 || name.Any(char.IsControl))
        {
            errors["name"] = ["must be 1 to 200 characters without control characters."];
        }

        var scopes = body.Scopes ?? [];
        if (scopes.Count == 0 || scopes.Any(scope => !ApiScopes.All.Contains(scope)))
        {
            errors["scopes"] = [$"must list one or more of {string.Join(", ", ApiScopes.All)}, got [{string.Join(", ", scopes)}]."];
        }

        if (errors.Count > 0)
        {
            return problems.Validation("InvalidApiKeyRequest", "The key request is invalid; see 'errors' for each field.", errors);
        }

        var (keyId, text, salt, hash) = ApiKeySecret.Create();
        var record = new ApiKeyRecord
        {
            KeyId = keyId,
            Name = name,
            Scopes = string.Join(',', scopes.Distinct()),
            Salt = salt,
            Hash = hash,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Set<ApiKeyRecord>().Add(record);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("API key {KeyId} ({KeyName}) created with scopes {Scopes}", keyId, name, record.Scopes);
        return TypedResults.Created($"{ApiVersion.RoutePrefix}/keys/{keyId}", new ApiKeyCreated(text, ToSummary(record)));
    }

    private static async Task<Ok<List<ApiKeySummary>>> ListAsync(RcaDbContext db, CancellationToken cancellationToken)
    {
        var keys = await db.Set<ApiKeyRecord>().AsNoTracking().OrderBy(k => k.CreatedAt).ThenBy(k => k.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(keys.Select(ToSummary).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, RcaDbContext db, Problems problems, ILogger<ApiKeyRecord> logger, CancellationToken cancellationToken)
    {
        var deleted = await db.Set<ApiKeyRecord>().Where(k => k.KeyId == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return problems.NotFound("ApiKeyNotFound", $"No API key has id '{id}'.");
        }

        logger.LogInformation("API key {KeyId} deleted", id);
        return TypedResults.NoContent();
    }

    private static ApiKeySummary ToSummary(ApiKeyRecord key) => new(
        key.KeyId,
        key.Name,
        key.Scopes.Split(','),
        ContractMapping.Utc(key.CreatedAt),
        key.LastUsedAt is { } used ? ContractMapping.Utc(used) : null);
}
