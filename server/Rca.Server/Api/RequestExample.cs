namespace Rca.Server.Api;

/// <summary>
/// Endpoint metadata: an example request body (JSON text) that the OpenAPI document shows for
/// the given content type.
/// </summary>
internal sealed record RequestExample(string Json, string ContentType = "application/json");
