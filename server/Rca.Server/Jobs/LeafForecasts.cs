using Rca.Detectors.Data;
using Rca.Detectors.Forecasting;
using Rca.Server.Kpis;

namespace Rca.Server.Jobs;

/// <summary>
/// Forecasts every leaf of the checked window, and the KPI total of the baseline windows.
/// </summary>
internal static class LeafForecasts
{
    /// <summary>The leaf slots the forecast of leaf slot <paramref name="slot"/> reads.</summary>
    public static Range HistoryOf(KpiDefinition kpi, WindowData data, int slot) =>
        LeafForecasterFactory.ReadsContiguousHistory(kpi.Forecast)
            ? new Range(Math.Max(0, slot - kpi.Forecast.History), slot)
            : new Range(0, data.Current);

    /// <summary>Returns the forecast numerators and denominators of every leaf in the checked window.</summary>
    public static (double[] Numerators, double[]? Denominators) ForecastLeaves(KpiDefinition kpi, WindowData data, ILeafForecaster forecaster)
    {
        var history = HistoryOf(kpi, data, data.Current);
        var numerators = new double[data.Leaves.Length];
        var denominators = data.Denominators is null ? null : new double[data.Leaves.Length];
        for (var leaf = 0; leaf < numerators.Length; leaf++)
        {
            numerators[leaf] = Math.Max(0, forecaster.Forecast(data.Numerators[leaf].AsSpan(history)));
            if (denominators is not null)
            {
                denominators[leaf] = Math.Max(0, forecaster.Forecast(data.Denominators![leaf].AsSpan(history)));
            }
        }

        return (numerators, denominators);
    }

    /// <summary>
    /// Returns the residuals (actual − forecast, on the measure's scale) of the KPI total over the
    /// testable baseline windows, from the total slots of <paramref name="data"/>. Seasonal-median
    /// reads no baseline, so it returns none.
    /// </summary>
    public static double[] BaselineResiduals(KpiDefinition kpi, WindowData data, ILeafForecaster forecaster)
    {
        if (!LeafForecasterFactory.ReadsContiguousHistory(kpi.Forecast))
        {
            return [];
        }

        var totalNumerators = data.TotalNumerators;
        var totalDenominators = data.TotalDenominators;
        var current = totalNumerators.Length - 1;
        var residuals = new List<double>();
        var first = Math.Max(kpi.Forecast.History, current - kpi.Detection.BaselineWindows);
        for (var slot = first; slot < current; slot++)
        {
            var history = new Range(Math.Max(0, slot - kpi.Forecast.History), slot);
            var forecastNumerator = forecaster.Forecast(totalNumerators.AsSpan(history));
            if (totalDenominators is null)
            {
                if (HasData(totalNumerators.AsSpan(history)))
                {
                    residuals.Add(totalNumerators[slot] - forecastNumerator);
                }

                continue;
            }

            var forecastDenominator = forecaster.Forecast(totalDenominators.AsSpan(history));
            if (forecastDenominator > 0 && totalDenominators[slot] > 0)
            {
                residuals.Add(LeafTable.Ratio(totalNumerators[slot], totalDenominators[slot]) - LeafTable.Ratio(forecastNumerator, forecastDenominator));
            }
        }

        return [.. residuals];
    }

    /// <summary>
    /// Whether the checked window can be tested: some history value is non-zero, and for a ratio
    /// the window's own denominator is not 0 (a rate over no traffic is undefined).
    /// </summary>
    public static bool IsTestable(KpiDefinition kpi, WindowData data)
    {
        if (data.Denominators is not null)
        {
            double denominator = 0;
            foreach (var leaf in data.Denominators)
            {
                denominator += leaf[data.Current];
            }

            if (denominator == 0)
            {
                return false;
            }
        }


        var history = HistoryOf(kpi, data, data.Current);
        for (var leaf = 0; leaf < data.Leaves.Length; leaf++)
        {
            if (HasData(data.Numerators[leaf].AsSpan(history)) || (data.Denominators is not null && HasData(data.Denominators[leaf].AsSpan(history))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasData(ReadOnlySpan<double> values)
    {
        foreach (var value in values)
        {
            if (value != 0)
            {
                return true;
            }
        }

        return false;
    }
}
