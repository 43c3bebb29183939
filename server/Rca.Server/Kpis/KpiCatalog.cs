using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rca.Server.Storage;

namespace Rca.Server.Kpis;

/// <summary>
/// The KPI definitions stored in the database.
/// </summary>
internal sealed class KpiCatalog(RcaDbContext db, TimeProvider time)
{
    /// <summary>Inserts new definitions and replaces stored ones with the same name.</summary>
    public async Task UpsertAsync(IReadOnlyList<KpiDefinition> kpis, CancellationToken cancellationToken)
    {
        var names = kpis.Select(kpi => kpi.Name).ToArray();
        var existing = await db.Kpis.Where(record => names.Contains(record.Name)).ToDictionaryAsync(record => record.Name, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var kpi in kpis)
        {
            var json = JsonSerializer.Serialize(kpi, KpiJson.Options);
            if (existing.TryGetValue(kpi.Name, out var record))
            {
                record.DefinitionJson = json;
                record.Enabled = kpi.Enabled;
                record.UpdatedAt = now;
            }
            else
            {
                db.Kpis.Add(new KpiRecord { Name = kpi.Name, DefinitionJson = json, Enabled = kpi.Enabled, UpdatedAt = now });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Forgets the changes of a failed <see cref="UpsertAsync"/>, so that it can run again.</summary>
    public void DiscardChanges() => db.ChangeTracker.Clear();

    /// <summary>Returns the definition with this name, or null.</summary>
    public async Task<KpiDefinition?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var record = await db.Kpis.AsNoTracking().SingleOrDefaultAsync(kpi => kpi.Name == name, cancellationToken);
        return record is null ? null : Deserialize(record);
    }

    /// <summary>Returns every definition, ordered by name.</summary>
    public async Task<IReadOnlyList<KpiDefinition>> ListAsync(CancellationToken cancellationToken)
    {
        var records = await db.Kpis.AsNoTracking().OrderBy(kpi => kpi.Name).ToListAsync(cancellationToken);
        return [.. records.Select(Deserialize)];
    }

    private static KpiDefinition Deserialize(KpiRecord record) =>
        JsonSerializer.Deserialize<KpiDefinition>(record.DefinitionJson, KpiJson.Options)
        ?? throw new InvalidOperationException($"The stored definition of KPI '{record.Name}' is empty.");
}
