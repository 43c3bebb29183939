using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Rca.Server.Security;

namespace Rca.Server.Api;

/// <summary>
/// OpenAPI transformers: request examples from <see cref="RequestExample"/> metadata, and the
/// API key security scheme on every endpoint that needs a scope.
/// </summary>
internal static class OpenApiExamples
{
    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "RcaService API";
            document.Info.Description =
                "Root-cause localization for multi-dimensional KPIs. Mutating endpoints and webhooks need an API key " +
                "in X-Api-Key or 'Authorization: ApiKey <key>'. Errors are RFC 9457 problem details.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "An API key created with POST /api/v1/keys or set as Api:BootstrapKey.",
            };
            return Task.CompletedTask;
        });

        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            foreach (var example in metadata.OfType<RequestExample>())
            {
                if (operation.RequestBody?.Content is { } content && content.TryGetValue(example.ContentType, out var media) && media is OpenApiMediaType mediaType)
                {
                    mediaType.Example = JsonNode.Parse(example.Json);
                }
            }

            var scopes = metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
                .Select(data => data.Policy)
                .Where(policy => policy is ApiPolicies.Write or ApiPolicies.Admin)
                .ToList();
            if (scopes.Count > 0)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, context.Document)] = [],
                });
                operation.Description = ((operation.Description ?? "") + $" Needs an API key with the '{scopes.Max()!.Replace("scope:", "", StringComparison.Ordinal)}' scope.").Trim();
            }

            return Task.CompletedTask;
        });
    }
}
