using Rca.Detectors.Localization;

namespace Rca.Detectors.Tests.Localization;

public sealed class PoissonSlotWeightsTests
{
    // With λ = max(round(v), 1) the pmf at λ − 1 and λ are equal and the pmf at λ + 1 is
    // λ/(λ + 1) of them, so the normalised weights are [1, 1, λ/(λ+1)] / (2 + λ/(λ+1)).
    [Theory]
    [InlineData(0, 0.4, 0.2)]
    [InlineData(1, 0.4, 0.2)]
    [InlineData(10, 11.0 / 32, 10.0 / 32)]
    [InlineData(20, 21.0 / 62, 20.0 / 62)]
    [InlineData(1000, 1001.0 / 3002, 1000.0 / 3002)]
    public void Compute_Counts_MatchesClosedForm(double actual, double lowerAndMiddle, double upper)
    {
        var weights = new double[3];

        PoissonSlotWeights.Compute(actual, 1, weights);

        Assert.Equal(lowerAndMiddle, weights[0], 10);
        Assert.Equal(lowerAndMiddle, weights[1], 10);
        Assert.Equal(upper, weights[2], 10);
    }

    [Fact]
    public void Compute_LargeCount_StaysFiniteAndPositive()
    {
        var weights = new double[3];

        PoissonSlotWeights.Compute(1e9, 1, weights);

        Assert.All(weights, weight => Assert.True(weight > 0 && double.IsFinite(weight)));
        Assert.Equal(1, weights.Sum(), 12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.37)]
    [InlineData(250)]
    public void Compute_ZeroHalfWidth_GivesEqualWeights(double actual)
    {
        var weights = new double[3];

        PoissonSlotWeights.Compute(actual, 0, weights);

        Assert.All(weights, weight => Assert.Equal(1.0 / 3, weight, 15));
    }

    [Fact]
    public void Compute_RoundsHalfToEven()
    {
        var half = new double[3];
        var two = new double[3];

        PoissonSlotWeights.Compute(2.5, 1, half);
        PoissonSlotWeights.Compute(2, 1, two);

        Assert.Equal(two, half);
    }
}
