using Rca.Detectors.Forecasting;

namespace Rca.Detectors.Tests.Forecasting;

public sealed class SeriesForecasterTests
{
    [Fact]
    public void Forecast_MeanPerLeaf_IgnoresLaterWindows()
    {
        double[][] histories = [[1, 2, 3, 100], [10, 20, 30, 0]];
        var forecaster = new SeriesForecaster(new MeanForecaster(2));

        var forecasts = forecaster.Forecast(histories, 3);

        Assert.Equal([2.5, 25.0], forecasts);
    }

    [Fact]
    public void Forecast_HistoryEndingAtWindow_IsAccepted()
    {
        double[][] histories = [[1, 2, 3]];
        var forecaster = new SeriesForecaster(new MeanForecaster(3));

        Assert.Equal([2.0], forecaster.Forecast(histories, 3));
    }

    [Fact]
    public void Forecast_WindowZero_IsZero()
    {
        double[][] histories = [[5, 6], [7, 8]];
        var forecaster = new SeriesForecaster(new MeanForecaster(3));

        Assert.Equal([0.0, 0.0], forecaster.Forecast(histories, 0));
    }

    [Fact]
    public void Forecast_Seasonal_PicksSameWindow()
    {
        // Season length 2, window 6: the seasons before it are windows 0, 2 and 4.
        double[][] histories = [[1, 5, 2, 6, 3, 7, 0], [5, 1, 9, 1, 7, 1, 0]];
        var forecaster = new SeriesForecaster(new SeasonalMedianForecaster(3), seasonLength: 2);

        var forecasts = forecaster.Forecast(histories, 6);

        Assert.Equal([2.0, 7.0], forecasts);
    }

    [Fact]
    public void Forecast_SeasonalOddWindow_PicksOddWindows()
    {
        // Season length 2, window 5: windows 1 and 3.
        double[][] histories = [[1, 5, 2, 6, 3, 7]];
        var forecaster = new SeriesForecaster(new SeasonalMedianForecaster(3), seasonLength: 2);

        Assert.Equal([5.5], forecaster.Forecast(histories, 5));
    }

    [Fact]
    public void Forecast_ShortLeaf_ThrowsNamingLeaf()
    {
        double[][] histories = [[1, 2, 3], [1]];
        var forecaster = new SeriesForecaster(new MeanForecaster(2));

        var error = Assert.Throws<ArgumentException>(() => forecaster.Forecast(histories, 2));

        Assert.Contains("Leaf 1 has 1 windows", error.Message);
    }

    [Fact]
    public void Forecast_WrongDestinationLength_Throws()
    {
        double[][] histories = [[1, 2], [3, 4]];
        var forecaster = new SeriesForecaster(new MeanForecaster(2));

        Assert.Throws<ArgumentException>(() => forecaster.Forecast(histories, 1, new double[3]));
    }
}
