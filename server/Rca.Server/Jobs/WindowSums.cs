namespace Rca.Server.Jobs;

/// <summary>
/// The sums of one window for every leaf with a non-zero value in it.
/// </summary>
/// <param name="Start">The window start.</param>
/// <param name="Keys">The leaf keys: the attribute values joined with U+001F.</param>
/// <param name="Numerators">The field sums, parallel to <paramref name="Keys"/>.</param>
/// <param name="Denominators">The denominator sums of a ratio KPI, parallel to <paramref name="Keys"/>; null for a sum.</param>
internal sealed record WindowSums(DateTimeOffset Start, string[] Keys, double[] Numerators, double[]? Denominators)
{
    /// <summary>The separator of attribute values in a leaf key.</summary>
    public const char KeySeparator = '\u001f';
}
