namespace Rca.Detectors.Data;

/// <summary>
/// The error raised when a leaf with the same attribute values is added to a table twice.
/// </summary>
public sealed class DuplicateLeafException(int existingLeaf)
    : ArgumentException($"The same attribute values were already given for leaf {existingLeaf}.")
{
    /// <summary>The index of the leaf added first.</summary>
    public int ExistingLeaf { get; } = existingLeaf;
}
