namespace Rca.Detectors.Forecasting;

/// <summary>Keeps forecasts inside the range every consumer relies on: finite and non-negative.</summary>
internal static class ForecastValue
{
    /// <summary>Returns <paramref name="value"/> clamped to [0, <see cref="double.MaxValue"/>]; NaN becomes 0.</summary>
    public static double Clamp(double value)
    {
        if (double.IsNaN(value) || value <= 0.0)
        {
            return 0.0;
        }

        return double.IsPositiveInfinity(value) ? double.MaxValue : value;
    }
}
