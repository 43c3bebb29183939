using Rca.Detectors.Localization;

namespace Rca.Detectors.Tests.Localization;

public sealed class HistogramBinsTests
{
    [Fact]
    public void Auto_TakesNarrowerOfFreedmanDiaconisAndSturges()
    {
        // n = 8, range 7: Sturges 7 / (log2 8 + 1) = 1.75; IQR 5.25 − 1.75 = 3.5, so
        // Freedman–Diaconis 2 · 3.5 · 8^(−1/3) = 3.5. The narrower width gives 4 bins.
        double[] sample = [0, 1, 2, 3, 4, 5, 6, 7];

        var edges = HistogramBins.Auto(sample, 0, 7);

        Assert.Equal([0, 1.75, 3.5, 5.25, 7], edges);
    }

    [Fact]
    public void Auto_ZeroInterquartileRange_UsesSturges()
    {
        // IQR 0; Sturges 4 / (log2 5 + 1) = 1.2054, so ceil(4 / 1.2054) = 4 bins.
        double[] sample = [1, 1, 1, 1, 5];

        var edges = HistogramBins.Auto(sample, 1, 5);

        Assert.Equal(5, edges.Length);
        Assert.Equal(1, edges[0]);
        Assert.Equal(5, edges[^1]);
    }

    [Fact]
    public void Auto_SpansRequestedRange()
    {
        double[] sample = [0, 1, 2, 3, 4, 5, 6, 7];

        var edges = HistogramBins.Auto(sample, -1, 9);

        // Width 1.75 over a range of 10 needs ceil(10 / 1.75) = 6 bins.
        Assert.Equal(7, edges.Length);
        Assert.Equal(-1, edges[0]);
        Assert.Equal(9, edges[^1]);
    }

    [Fact]
    public void Auto_EmptyRange_WidensByHalf()
    {
        var edges = HistogramBins.Auto([0.3, 0.3], 0.3, 0.3);

        Assert.Equal([-0.2, 0.8], edges.Select(edge => Math.Round(edge, 12)));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1.74, 0)]
    [InlineData(1.75, 1)]
    [InlineData(7, 3)]
    [InlineData(7.01, -1)]
    [InlineData(-0.01, -1)]
    public void Locate_UsesHalfOpenBinsWithClosedLast(double value, int expected)
    {
        double[] edges = [0, 1.75, 3.5, 5.25, 7];

        Assert.Equal(expected, HistogramBins.Locate(edges, value));
    }
}
