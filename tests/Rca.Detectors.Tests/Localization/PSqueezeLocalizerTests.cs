using Rca.Detectors.Data;
using Rca.Detectors.Localization;

namespace Rca.Detectors.Tests.Localization;

public sealed class PSqueezeLocalizerTests
{
    [Fact]
    public void Localize_SingleValueDrop_FindsLayerOneCause()
    {
        // 4 × 5 leaves with forecast 100; every leaf under a=a2 halves.
        var table = Grid(4, 5, (a, _) => a == 2 ? 50 : 100, (_, _) => 100);

        var result = new PSqueezeLocalizer().Localize(table, TestContext.Current.CancellationToken);

        var set = Assert.Single(result.RootCauseSets);
        Assert.Equal("a=a2", set.ToString());
        Assert.Equal(1, set.Layer);
        Assert.Equal(1, set.Gps, 12);
        Assert.Equal(1, set.ExplanatoryPower, 12);
        Assert.Equal(250, set.Actual);
        Assert.Equal(500, set.Forecast);
        Assert.Equal(1.0 / 3, set.ClusterMeanDeviation, 2);
        Assert.Equal(20, result.ValidLeafCount);
    }

    [Fact]
    public void Localize_SingleValueDrop_RankUsesSuccinctnessWeight()
    {
        var table = Grid(4, 5, (a, _) => a == 2 ? 50 : 100, (_, _) => 100);

        var set = Assert.Single(new PSqueezeLocalizer().Localize(table, TestContext.Current.CancellationToken).RootCauseSets);

        // The a2 points 49, 50, 51 against 100 form the one cluster: 15 of 60 points, so
        // C = ln 2 · −ln 0.25 · 9 / ln 10 with K = 1 cluster and N = 4 + 5 values, and
        // rank = GPS · C − k · L² = C − 1.
        var weight = Math.Log(2) * -Math.Log(0.25) * (9 / Math.Log(10));
        Assert.Equal(weight - 1, set.Rank, 10);
    }

    [Fact]
    public void Localize_PairDrop_FindsLayerTwoCause()
    {
        var table = Grid(4, 5, (a, b) => a == 1 && b == 3 ? 20 : 100, (_, _) => 100);

        var set = Assert.Single(new PSqueezeLocalizer().Localize(table, TestContext.Current.CancellationToken).RootCauseSets);

        Assert.Equal("a=a1&b=b3", set.ToString());
        Assert.Equal(2, set.Layer);
        Assert.Equal(1, set.Gps, 12);
    }

    [Fact]
    public void Localize_TwoValuesSameChange_ReturnsBoth()
    {
        var table = Grid(4, 5, (_, b) => b is 2 or 4 ? 40 : 100, (_, _) => 100);

        var set = Assert.Single(new PSqueezeLocalizer().Localize(table, TestContext.Current.CancellationToken).RootCauseSets);

        Assert.Equal("b=b2;b=b4", set.ToString());
        Assert.Equal(1, set.Gps, 12);
    }

    [Fact]
    public void Localize_TwoChanges_ReturnsSetPerCluster()
    {
        var table = Grid(4, 5, TwoChanges, (_, _) => 100);

        var result = new PSqueezeLocalizer().Localize(table, TestContext.Current.CancellationToken);

        Assert.Equal(2, result.RootCauseSets.Count);
        Assert.Equal("a=a3", result.RootCauseSets[0].ToString());
        Assert.Equal("b=b5", result.RootCauseSets[1].ToString());
        Assert.Equal("a=a3;b=b5", result.FormatRootCause());
    }

    [Fact]
    public void Localize_NoChange_ReturnsNoSet()
    {
        var table = Grid(4, 5, (_, _) => 100, (_, _) => 100);

        var result = new PSqueezeLocalizer().Localize(table, TestContext.Current.CancellationToken);

        Assert.Empty(result.RootCauseSets);
        Assert.True(double.IsNaN(result.MinGps));
    }

    [Fact]
    public void Localize_AllZero_ReturnsNoValidLeaves()
    {
        var table = Grid(2, 2, (_, _) => 0, (_, _) => 0);

        var result = new PSqueezeLocalizer().Localize(table, TestContext.Current.CancellationToken);

        Assert.Empty(result.RootCauseSets);
        Assert.Equal(0, result.ValidLeafCount);
    }

    [Fact]
    public void Localize_NewTraffic_KeepsZeroForecastLeaves()
    {
        // a=a4 had no traffic in the forecast and now has some: it is the whole change.
        var table = Grid(4, 5, (a, _) => a == 4 ? 80 : 100, (a, _) => a == 4 ? 0 : 100);

        var result = new PSqueezeLocalizer().Localize(table, TestContext.Current.CancellationToken);

        Assert.Equal(20, result.ValidLeafCount);
        Assert.Equal("a=a4", Assert.Single(result.RootCauseSets).ToString());
    }

    [Fact]
    public void Localize_DerivedRateRise_FindsCause()
    {
        // Success rate 0.98 everywhere except b=b2, which falls to 0.70 with unchanged traffic.
        var builder = new LeafTableBuilder(["a", "b"], MeasureKind.Derived);
        for (var a = 1; a <= 4; a++)
        {
            for (var b = 1; b <= 5; b++)
            {
                var attempts = 1000.0 + 100 * a + 10 * b;
                var rate = b == 2 ? 0.70 : 0.98;
                builder.Add([$"a{a}", $"b{b}"], Math.Round(attempts * rate), Math.Round(attempts * 0.98), attempts, attempts);
            }
        }

        var set = Assert.Single(new PSqueezeLocalizer().Localize(builder.Build(), TestContext.Current.CancellationToken).RootCauseSets);

        Assert.Equal("b=b2", set.ToString());
        Assert.InRange(set.Actual, 0.69, 0.71);
        Assert.InRange(set.Forecast, 0.97, 0.99);
        Assert.InRange(set.ExplanatoryPower, 0.99, 1.01);
    }

    [Fact]
    public void Localize_SqueezeVariant_FindsSameSimpleCause()
    {
        var table = Grid(4, 5, (a, _) => a == 2 ? 50 : 100, (_, _) => 100);

        var result = new PSqueezeLocalizer(new PSqueezeOptions { Probabilistic = false })
            .Localize(table, TestContext.Current.CancellationToken);

        Assert.Equal("a=a2", Assert.Single(result.RootCauseSets).ToString());
    }

    [Fact]
    public void Localize_ThreadCount_DoesNotChangeResult()
    {
        var random = new Random(7);
        var builder = new LeafTableBuilder(["a", "b", "c"], MeasureKind.Fundamental);
        for (var a = 0; a < 8; a++)
        {
            for (var b = 0; b < 6; b++)
            {
                for (var c = 0; c < 5; c++)
                {
                    var forecast = Math.Round(random.NextDouble() * 200);
                    var factor = 1 + (random.NextDouble() - 0.5) * 0.05;
                    if (a == 3 && c == 1)
                    {
                        factor = 0.4;
                    }
                    else if (b == 2)
                    {
                        factor = 1.5;
                    }

                    builder.Add([$"a{a}", $"b{b}", $"c{c}"], Math.Round(forecast * factor), forecast);
                }
            }
        }

        var table = builder.Build();
        var one = new PSqueezeLocalizer(new PSqueezeOptions { MaxDegreeOfParallelism = 1 }).Localize(table, TestContext.Current.CancellationToken);
        var two = new PSqueezeLocalizer(new PSqueezeOptions { MaxDegreeOfParallelism = 2 }).Localize(table, TestContext.Current.CancellationToken);

        Assert.Equal("a=a3&c=c1;b=b2", one.FormatRootCause());
        Assert.Equal(one.RootCauseSets, two.RootCauseSets, SameSet);
        Assert.Equal(one.Histogram.Density, two.Histogram.Density);
    }

    [Fact]
    public void Constructor_InvalidOption_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new PSqueezeLocalizer(new PSqueezeOptions { MaxElementsPerCandidate = 0 }));

        Assert.Contains("MaxElementsPerCandidate", error.Message);
    }

    private static bool SameSet(RootCauseSet left, RootCauseSet right) =>
        left.ToString() == right.ToString()
        && left.Gps.Equals(right.Gps)
        && left.Rank.Equals(right.Rank)
        && left.Impact.Equals(right.Impact)
        && left.ExplanatoryPower.Equals(right.ExplanatoryPower);

    // a=a3 falls to 30 and, elsewhere, b=b5 rises to 160.
    private static double TwoChanges(int a, int b)
    {
        if (a == 3)
        {
            return 30;
        }

        return b == 5 ? 160 : 100;
    }

    private static LeafTable Grid(int aValues, int bValues, Func<int, int, double> actual, Func<int, int, double> forecast)
    {
        var builder = new LeafTableBuilder(["a", "b"], MeasureKind.Fundamental);
        for (var a = 1; a <= aValues; a++)
        {
            for (var b = 1; b <= bValues; b++)
            {
                builder.Add([$"a{a}", $"b{b}"], actual(a, b), forecast(a, b));
            }
        }

        return builder.Build();
    }
}
