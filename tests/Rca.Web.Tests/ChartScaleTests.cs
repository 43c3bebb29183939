using Rca.Web.Components.Shared;

namespace Rca.Web.Tests;

public sealed class ChartScaleTests
{
    [Fact]
    public void Ratio_ScaledByPowerOfTen()
    {
        var scale = ChartScale.For([0.138, null, 0.063]);

        Assert.Equal(1000, scale.Factor);
        Assert.Equal(20, scale.TickSpacing);
    }

    [Fact]
    public void Count_KeptAsIs()
    {
        var scale = ChartScale.For([1200, 1000, null]);

        Assert.Equal(1, scale.Factor);
        Assert.Equal(50, scale.TickSpacing);
    }

    [Fact]
    public void NoValues_DefaultScale()
    {
        var scale = ChartScale.For([null, null]);

        Assert.Equal(new ChartScale(1, 1), scale);
    }
}
