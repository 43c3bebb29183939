using Rca.Detectors.Localization;

namespace Rca.Detectors.Tests.Localization;

public sealed class DeviationScoreTests
{
    [Theory]
    [InlineData(10, 5, 1.0 / 3)]
    [InlineData(5, 10, -1.0 / 3)]
    [InlineData(0, 0, 0)]
    [InlineData(0, 7, -1)]
    [InlineData(7, 0, 1)]
    [InlineData(100, 100, 0)]
    public void Compute_ReturnsScaledDifference(double forecast, double actual, double expected)
    {
        Assert.Equal(expected, DeviationScore.Compute(forecast, actual), 15);
    }
}
