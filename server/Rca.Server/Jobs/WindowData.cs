namespace Rca.Server.Jobs;

/// <summary>
/// The values of every leaf over a row of leaf slots (the forecast's history windows, oldest
/// first, then the checked window last), and the KPI totals over a longer row of total slots
/// that ends with the same windows. Missing values are 0.
/// </summary>
/// <param name="Leaves">The attribute values of each leaf, in the KPI's attribute order.</param>
/// <param name="Numerators">The field sums, indexed [leaf][leaf slot].</param>
/// <param name="Denominators">The denominator sums of a ratio KPI, indexed [leaf][leaf slot]; null for a sum.</param>
/// <param name="SlotCount">The number of leaf slots; the checked window is slot <c>SlotCount − 1</c>.</param>
/// <param name="TotalNumerators">
/// The field sums over all leaves per total slot: the baseline windows, then the leaf slots. The
/// last <paramref name="SlotCount"/> entries are the sums of <paramref name="Numerators"/>.
/// </param>
/// <param name="TotalDenominators">The denominator sums per total slot for a ratio KPI; null for a sum.</param>
internal sealed record WindowData(
    string[][] Leaves, double[][] Numerators, double[][]? Denominators, int SlotCount, double[] TotalNumerators, double[]? TotalDenominators)
{
    /// <summary>The slot of the checked window.</summary>
    public int Current => SlotCount - 1;
}
