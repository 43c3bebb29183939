using System.Text.Json;
using System.Text.RegularExpressions;
using Rca.Server.Kpis;

namespace Rca.Server.Api;

/// <summary>
/// Reads a KPI definition from a request body with the seed file's JSON rules and validator,
/// and turns their errors into per-field messages for a validation problem.
/// </summary>
internal static partial class KpiDefinitionProblems
{
    private static readonly object OmitJsonPositionsKey = new();

    /// <summary>
    /// Marks <paramref name="request"/> so that its JSON error messages leave out the path, line and
    /// byte. The error's key still names the field. The dashboard's form sets it, because the user
    /// never sees the JSON body it builds.
    /// </summary>
    public static void OmitJsonPositions(HttpRequest request) => request.HttpContext.Items[OmitJsonPositionsKey] = true;

    /// <summary>
    /// Returns the definition, or the errors keyed by field (dotted path, as in the seed file).
    /// A JSON error names its line and byte in the body unless <see cref="OmitJsonPositions"/> marked the request.
    /// </summary>
    public static async Task<(KpiDefinition? Kpi, Dictionary<string, string[]> Errors)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!request.HasJsonContentType())
        {
            errors["body"] = [$"must be a JSON KPI definition with Content-Type application/json, got '{request.ContentType}'."];
            return (null, errors);
        }

        KpiDefinition? kpi;
        try
        {
            kpi = await JsonSerializer.DeserializeAsync<KpiDefinition>(request.Body, KpiJson.Options, cancellationToken);
        }
        catch (JsonException error)
        {
            var explained = JsonErrorText.Explain(error, typeof(KpiDefinition), KpiJson.Options);
            var field = explained.Path == "$" ? "body" : explained.Path.TrimStart('$', '.');
            var where = request.HttpContext.Items.ContainsKey(OmitJsonPositionsKey) || explained.Position is null
                ? ""
                : $" ({explained.Position})";
            var verb = explained.Kind switch
            {
                JsonErrorKind.Syntax => "is not valid JSON",
                JsonErrorKind.UnknownProperty => "is not a known property",
                _ => "is invalid",
            };
            errors[field] = [$"{verb}{where}: {explained.Text}"];
            return (null, errors);
        }

        if (kpi is null)
        {
            errors["body"] = ["must be a JSON object, got null."];
            return (null, errors);
        }

        foreach (var message in KpiDefinitionValidator.Validate(kpi))
        {
            var match = FieldPattern().Match(message);
            var field = match.Success ? match.Groups[1].Value : "body";
            var text = match.Success ? message[(match.Index + match.Length)..].Trim() : message;
            errors[field] = errors.TryGetValue(field, out var earlier) ? [.. earlier, text] : [text];
        }

        return (errors.Count == 0 ? kpi : null, errors);
    }

    [GeneratedRegex("field '([^']+)'")]
    private static partial Regex FieldPattern();
}
