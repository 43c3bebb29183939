using System.Text.Json;

namespace Rca.Server.Kpis;

/// <summary>
/// Reads KPI definitions from the seed file: a JSON object <c>{ "kpis": [ ... ] }</c>.
/// </summary>
internal static class KpiSeedFile
{
    /// <summary>Reads and validates every definition in the file.</summary>
    /// <exception cref="InvalidKpiDefinitionException">The file is not valid JSON of that shape, or a definition is invalid.</exception>
    public static async Task<IReadOnlyList<KpiDefinition>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        SeedDocument? document;
        try
        {
            await using var stream = File.OpenRead(path);
            document = await JsonSerializer.DeserializeAsync<SeedDocument>(stream, KpiJson.Options, cancellationToken);
        }
        catch (JsonException error)
        {
            var where = error.LineNumber is { } line ? $" (line {line + 1}, position {error.BytePositionInLine + 1}, path {error.Path})" : "";
            throw new InvalidKpiDefinitionException([$"KPI seed file '{path}' is invalid{where}: {error.Message}"]);
        }

        var kpis = document?.Kpis ?? [];
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kpi in kpis)
        {
            errors.AddRange(KpiDefinitionValidator.Validate(kpi));
            if (kpi.Name is not null && !names.Add(kpi.Name))
            {
                errors.Add($"KPI '{kpi.Name}': field 'Name' is defined twice in '{path}'");
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidKpiDefinitionException(errors);
        }

        return kpis;
    }

    private sealed record SeedDocument(IReadOnlyList<KpiDefinition>? Kpis);
}
