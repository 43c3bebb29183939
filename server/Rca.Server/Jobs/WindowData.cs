namespace Rca.Server.Jobs;

/// <summary>
/// The values of every leaf over a row of slots: history windows, oldest first, then the checked
/// window last. Missing values are 0.
/// </summary>
/// <param name="Leaves">The attribute values of each leaf, in the KPI's attribute order.</param>
/// <param name="Numerators">The field sums, indexed [leaf][slot].</param>
/// <param name="Denominators">The denominator sums of a ratio KPI, indexed [leaf][slot]; null for a sum.</param>
/// <param name="SlotCount">The number of slots; the checked window is slot <c>SlotCount − 1</c>.</param>
internal sealed record WindowData(string[][] Leaves, double[][] Numerators, double[][]? Denominators, int SlotCount)
{
    /// <summary>The slot of the checked window.</summary>
    public int Current => SlotCount - 1;
}
