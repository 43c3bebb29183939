using Rca.Detectors.Localization;

namespace Rca.Detectors.Tests.Localization;

public sealed class KneedleTests
{
    [Fact]
    public void Find_ConcaveCurve_ReturnsLastMaximumBeforeDrop()
    {
        // Difference curve y/10 − x/10: [0, .4, .5, .5, .45, .38, ...]. The maxima at 2 and 3 set
        // the threshold .5 − S·0.1 = .4, and the curve first drops below it after index 3.
        double[] x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        double[] y = [0, 5, 7, 8, 8.5, 8.8, 9, 9.2, 9.4, 9.7, 10];

        Assert.Equal(3, Kneedle.FindConcaveIncreasing(x, y));
    }

    [Fact]
    public void Find_StraightLine_ReturnsNone()
    {
        double[] x = [0, 1, 2, 3, 4, 5];

        Assert.Equal(-1, Kneedle.FindConcaveIncreasing(x, x));
    }

    [Fact]
    public void Find_FlatCurve_ReturnsNone()
    {
        Assert.Equal(-1, Kneedle.FindConcaveIncreasing([0, 1, 2, 3], [2, 2, 2, 2]));
    }
}
