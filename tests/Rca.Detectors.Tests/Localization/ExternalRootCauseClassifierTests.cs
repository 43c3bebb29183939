using Rca.Detectors.Localization;

namespace Rca.Detectors.Tests.Localization;

public sealed class ExternalRootCauseClassifierTests
{
    [Fact]
    public void Threshold_FewCases_IsDefault()
    {
        var minGps = Enumerable.Repeat(0.95, ExternalRootCauseClassifier.MinCases - 1).ToArray();

        Assert.Equal(0.8, ExternalRootCauseClassifier.Threshold(minGps));
    }

    [Fact]
    public void Threshold_TwoPeaks_IsValleyBetween()
    {
        // Twenty well-explained cases near 0.95 and twelve poorly explained ones near 0.2.
        var minGps = Enumerable.Range(0, 20).Select(i => 0.93 + i * 0.002)
            .Concat(Enumerable.Range(0, 12).Select(i => 0.18 + i * 0.004))
            .ToArray();

        var threshold = ExternalRootCauseClassifier.Threshold(minGps);

        Assert.InRange(threshold, 0.23, 0.93);
    }

    [Fact]
    public void Classify_FlagsMissingAndLowScores()
    {
        double[] minGps = [0.95, double.NaN, 0.5, 0.81];

        var (threshold, external) = ExternalRootCauseClassifier.Classify(minGps);

        Assert.Equal(0.8, threshold);
        Assert.Equal([false, true, true, false], external);
    }
}
