namespace Rca.Detectors.Localization;

/// <summary>
/// The weights of a leaf's three deviation-score points in PSqueeze's probabilistic clustering:
/// the Poisson pmf with mean <c>λ = max(round(v), b)</c> at <c>λ − b, λ, λ + b</c>, normalised
/// to sum to 1. The pmf is evaluated in log space, so large counts neither overflow nor lose
/// precision.
/// </summary>
public static class PoissonSlotWeights
{
    /// <summary>The number of points per leaf: actual − b, actual, actual + b.</summary>
    public const int Slots = 3;

    /// <summary>
    /// Writes the three normalised weights for an actual value <paramref name="actual"/> and
    /// half-width <paramref name="halfWidth"/> (1 for counts, 0 for ratios) into <paramref name="weights"/>.
    /// </summary>
    public static void Compute(double actual, double halfWidth, Span<double> weights)
    {
        if (weights.Length < Slots)
        {
            throw new ArgumentException($"Expected room for {Slots} weights.", nameof(weights));
        }

        var lambda = Math.Max(Math.Round(actual, MidpointRounding.ToEven), halfWidth);
        Span<double> logs = stackalloc double[Slots];
        logs[0] = LogPmf(lambda - halfWidth, lambda);
        logs[1] = LogPmf(lambda, lambda);
        logs[2] = LogPmf(lambda + halfWidth, lambda);
        var max = Math.Max(logs[0], Math.Max(logs[1], logs[2]));
        double sum = 0;
        for (var slot = 0; slot < Slots; slot++)
        {
            weights[slot] = Math.Exp(logs[slot] - max);
            sum += weights[slot];
        }

        for (var slot = 0; slot < Slots; slot++)
        {
            weights[slot] /= sum;
        }
    }

    /// <summary>Returns ln P(K = k) for a Poisson distribution with mean λ, with P(K = 0 | λ = 0) = 1.</summary>
    public static double LogPmf(double k, double lambda)
    {
        if (lambda == 0)
        {
            return k == 0 ? 0 : double.NegativeInfinity;
        }

        return k * Math.Log(lambda) - lambda - MathNet.Numerics.SpecialFunctions.GammaLn(k + 1);
    }
}
