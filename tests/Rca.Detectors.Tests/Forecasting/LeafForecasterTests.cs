using Rca.Detectors.Forecasting;

namespace Rca.Detectors.Tests.Forecasting;

public sealed class LeafForecasterTests
{
    [Fact]
    public void Mean_AveragesLastWindows()
    {
        var forecaster = new MeanForecaster(3);

        Assert.Equal(4.0, forecaster.Forecast([1, 2, 3, 4, 5]));
    }

    [Fact]
    public void Mean_ShortHistory_AveragesAll()
    {
        var forecaster = new MeanForecaster(5);

        Assert.Equal(3.0, forecaster.Forecast([2, 4]));
    }

    [Fact]
    public void Mean_EmptyHistory_IsZero()
    {
        Assert.Equal(0.0, new MeanForecaster(3).Forecast([]));
    }

    [Fact]
    public void Mean_SkipsNonFinite()
    {
        var forecaster = new MeanForecaster(3);

        Assert.Equal(5.0, forecaster.Forecast([double.NaN, 4, double.PositiveInfinity, 6]));
    }

    [Fact]
    public void Mean_NegativeMean_ClampsToZero()
    {
        Assert.Equal(0.0, new MeanForecaster(2).Forecast([-5, -1]));
    }

    [Fact]
    public void Mean_ZeroWindows_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MeanForecaster(0));
    }

    [Fact]
    public void SeasonalMedian_OddCount_TakesMiddle()
    {
        var forecaster = new SeasonalMedianForecaster(3);

        Assert.Equal(3.0, forecaster.Forecast([10, 1, 7, 3]));
    }

    [Fact]
    public void SeasonalMedian_EvenCount_AveragesMiddles()
    {
        var forecaster = new SeasonalMedianForecaster(4);

        Assert.Equal(5.0, forecaster.Forecast([10, 1, 7, 3]));
    }

    [Fact]
    public void SeasonalMedian_LongHistory_UsesPooledBuffer()
    {
        var history = new double[301];
        for (var i = 0; i < history.Length; i++)
        {
            history[i] = 300 - i;
        }

        Assert.Equal(150.0, new SeasonalMedianForecaster(301).Forecast(history));
    }

    [Fact]
    public void SeasonalMedian_SkipsNaN()
    {
        var forecaster = new SeasonalMedianForecaster(3);

        Assert.Equal(6.0, forecaster.Forecast([4, double.NaN, 8]));
    }

    [Fact]
    public void Ewma_SmoothsHistory()
    {
        // s = 4, then 0.5·8 + 0.5·4 = 6, then 0.5·2 + 0.5·6 = 4.
        var forecaster = new EwmaForecaster(0.5);

        Assert.Equal(4.0, forecaster.Forecast([4, 8, 2]));
    }

    [Fact]
    public void Ewma_AlphaQuarter_WeightsOldWindows()
    {
        // s = 8, then 0.25·0 + 0.75·8 = 6, then 0.25·10 + 0.75·6 = 7.
        var forecaster = new EwmaForecaster(0.25);

        Assert.Equal(7.0, forecaster.Forecast([8, 0, 10]));
    }

    [Fact]
    public void Ewma_AlphaOne_ForecastsLastValue()
    {
        Assert.Equal(9.0, new EwmaForecaster(1.0).Forecast([1, 5, 9]));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Ewma_AlphaOutOfRange_Throws(double alpha)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EwmaForecaster(alpha));
    }

    [Fact]
    public void Ewma_EmptyHistory_IsZero()
    {
        Assert.Equal(0.0, new EwmaForecaster(0.3).Forecast([]));
    }
}
