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
    /// <summary>Returns the definition, or the errors keyed by field (dotted path, as in the seed file).</summary>
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
            var field = string.IsNullOrEmpty(error.Path) || error.Path == "$" ? "body" : error.Path.TrimStart('$', '.');
            var where = error.LineNumber is { } line ? $" (line {line + 1}, byte {error.BytePositionInLine + 1})" : "";
            errors[field] = [$"is invalid{where}: {error.Message}"];
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
