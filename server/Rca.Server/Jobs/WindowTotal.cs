namespace Rca.Server.Jobs;

/// <summary>The sums of one window over all leaves.</summary>
/// <param name="Start">The window start.</param>
/// <param name="Numerator">The field sum.</param>
/// <param name="Denominator">The denominator sum of a ratio KPI; 0 for a sum.</param>
internal sealed record WindowTotal(DateTimeOffset Start, double Numerator, double Denominator)
{
    /// <summary>Sums the leaves of <paramref name="window"/> in their stored order.</summary>
    public static WindowTotal Of(WindowSums window)
    {
        double numerator = 0;
        foreach (var value in window.Numerators)
        {
            numerator += value;
        }

        double denominator = 0;
        foreach (var value in window.Denominators ?? [])
        {
            denominator += value;
        }

        return new WindowTotal(window.Start, numerator, denominator);
    }
}
