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
    public void Threshold_HighValley_IsLearned()
    {
        // Twenty-four cases near 0.97 and twelve spread over 0.72 to 0.83: the valley lies
        // between them, above the default.
        var minGps = Enumerable.Range(0, 24).Select(i => 0.96 + i * 0.001)
            .Concat(Enumerable.Range(0, 12).Select(i => 0.72 + i * 0.01))
            .ToArray();

        var threshold = ExternalRootCauseClassifier.Threshold(minGps);

        Assert.InRange(threshold, 0.83, 0.96);
    }

    [Theory]
    [InlineData(0.95, 1.0, false)]
    [InlineData(double.NaN, double.NaN, true)]
    [InlineData(0.5, 0.9, true)]
    [InlineData(0.5, 0.99, false)]
    [InlineData(0.81, 0.9, false)]
    [InlineData(0.95, 0.3, true)]
    [InlineData(0.95, 2.5, false)]
    public void IsExternal_FlagsMissingWeakOrPartialSets(double minGps, double explainedShare, bool expected)
    {
        Assert.Equal(expected, ExternalRootCauseClassifier.IsExternal(minGps, explainedShare, 0.8));
    }

    [Fact]
    public void Threshold_LowValley_KeepsDefault()
    {
        // A valley near 0.5 between poorly and well explained cases is raised to 0.8.
        var minGps = Enumerable.Range(0, 20).Select(i => 0.93 + i * 0.002)
            .Concat(Enumerable.Range(0, 12).Select(i => 0.18 + i * 0.004))
            .ToArray();

        Assert.Equal(0.8, ExternalRootCauseClassifier.Threshold(minGps));
    }
}
