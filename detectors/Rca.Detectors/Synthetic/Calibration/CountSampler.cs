namespace Rca.Detectors.Synthetic.Calibration;

/// <summary>
/// Draws binomial and Poisson counts: exactly for small counts, by the normal approximation
/// where the variance is large enough for it to be accurate.
/// </summary>
internal static class CountSampler
{
    // Exact Bernoulli trials up to this many impressions.
    private const int ExactTrials = 64;

    // The normal approximation is used once the variance reaches this; below it, Poisson.
    private const double NormalVariance = 25;

    public static double StandardNormal(Random random)
    {
        // Box–Muller; 1 − U keeps the logarithm's argument in (0, 1].
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public static long Binomial(Random random, long trials, double probability)
    {
        if (trials <= 0 || probability <= 0)
        {
            return 0;
        }

        if (probability >= 1)
        {
            return trials;
        }

        if (probability > 0.5)
        {
            return trials - Binomial(random, trials, 1 - probability);
        }

        if (trials <= ExactTrials)
        {
            long successes = 0;
            for (var i = 0; i < trials; i++)
            {
                if (random.NextDouble() < probability)
                {
                    successes++;
                }
            }

            return successes;
        }

        var mean = trials * probability;
        var variance = mean * (1 - probability);
        var draw = variance >= NormalVariance
            ? (long)Math.Round(mean + Math.Sqrt(variance) * StandardNormal(random))
            : Poisson(random, mean);
        return Math.Clamp(draw, 0, trials);
    }

    public static long Poisson(Random random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean >= NormalVariance)
        {
            return Math.Max(0, (long)Math.Round(mean + Math.Sqrt(mean) * StandardNormal(random)));
        }

        // Inversion: walk up the cumulative distribution until it passes a uniform draw.
        var u = random.NextDouble();
        var k = 0L;
        var probability = Math.Exp(-mean);
        var cumulative = probability;
        while (u > cumulative && probability > 0)
        {
            k++;
            probability *= mean / k;
            cumulative += probability;
        }

        return k;
    }
}
