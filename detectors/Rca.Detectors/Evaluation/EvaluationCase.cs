using Rca.Detectors.Data;

namespace Rca.Detectors.Evaluation;

/// <summary>
/// One labelled case of an evaluation data set: where it comes from, its ground truth, and a
/// way to read its leaf table when it is evaluated.
/// </summary>
public sealed class EvaluationCase
{
    private readonly Func<LeafTable> _load;

    /// <summary>Creates a case.</summary>
    /// <param name="id">The case file path relative to the data set root without <c>.csv</c> or <c>.a.csv</c>, with forward slashes.</param>
    /// <param name="folder">The folder of the case relative to the root, with forward slashes; empty for the root itself.</param>
    /// <param name="groundTruth">The labelled root-cause combinations, in any order and with repeats allowed.</param>
    /// <param name="load">Reads the leaf table; called each time <see cref="Load"/> is.</param>
    public EvaluationCase(string id, string folder, IEnumerable<AttributeCombination> groundTruth, Func<LeafTable> load)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(groundTruth);
        ArgumentNullException.ThrowIfNull(load);
        Id = id;
        Folder = folder;
        GroundTruth = [.. groundTruth.Distinct().Order()];
        _load = load;
    }

    /// <summary>The case file path relative to the data set root, without <c>.csv</c> or <c>.a.csv</c>, with forward slashes.</summary>
    public string Id { get; }

    /// <summary>
    /// The folder of the case relative to the root (empty for the root): the unit of per-folder
    /// scores and of the external-root-cause threshold.
    /// </summary>
    public string Folder { get; }

    /// <summary>The labelled root-cause combinations, canonical, without repeats, in ordinal order.</summary>
    public IReadOnlyList<AttributeCombination> GroundTruth { get; }

    /// <summary>Reads the case's leaf table from its files.</summary>
    /// <exception cref="InvalidDataFileException">A case file is missing or malformed.</exception>
    public LeafTable Load() => _load();

    /// <summary>
    /// Returns true when the root cause is external to <paramref name="table"/>: a ground-truth
    /// combination names an attribute that is not a column of the table.
    /// </summary>
    public bool HasExternalGroundTruth(LeafTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var combination in GroundTruth)
        {
            foreach (var pair in combination.Pairs)
            {
                if (table.IndexOfAttribute(pair.Key) < 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Id;
}
