using Rca.Detectors.Data;
using Rca.Server.Jobs;
using Rca.Server.Kpis;

namespace Rca.Server.Localizations;

/// <summary>
/// Reads one KPI window with its history from the source and forecasts every leaf, giving the
/// same leaf table a check of that window localizes.
/// </summary>
internal sealed class WindowTableReader(KpiSourceResolver sources)
{
    public async Task<LeafTable> ReadAsync(KpiDefinition kpi, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        var data = await WindowReader.ReadAsync(sources.Resolve(kpi), kpi, windowStart, null, cancellationToken);
        var forecaster = LeafForecasterFactory.Create(kpi.Forecast);
        var (forecastNumerators, forecastDenominators) = LeafForecasts.ForecastLeaves(kpi, data, forecaster);
        var ratio = kpi.Measure == KpiMeasure.Ratio;
        var builder = new LeafTableBuilder(kpi.Attributes, ratio ? MeasureKind.Derived : MeasureKind.Fundamental);
        for (var leaf = 0; leaf < data.Leaves.Length; leaf++)
        {
            var actual = data.Numerators[leaf][data.Current];
            if (!ratio)
            {
                if (actual != 0 || forecastNumerators[leaf] != 0)
                {
                    builder.Add(data.Leaves[leaf], actual, forecastNumerators[leaf]);
                }

                continue;
            }

            var actualDenominator = data.Denominators![leaf][data.Current];
            if (actual != 0 || forecastNumerators[leaf] != 0 || actualDenominator != 0 || forecastDenominators![leaf] != 0)
            {
                builder.Add(data.Leaves[leaf], actual, forecastNumerators[leaf], actualDenominator, forecastDenominators![leaf]);
            }
        }

        return builder.Build();
    }
}
