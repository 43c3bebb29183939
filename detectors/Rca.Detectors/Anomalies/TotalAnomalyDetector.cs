using System.Buffers;

namespace Rca.Detectors.Anomalies;

/// <summary>
/// Tests whether a KPI total deviates from its forecast, with a robust z-score of the residual
/// against recent residuals (median and MAD, after Iglewicz and Hoaglin's modified z-score).
/// </summary>
/// <remarks>
/// <para>
/// For the current window r = actual − forecast. Over the baseline residuals (the last
/// <see cref="TotalAnomalyOptions.BaselineWindows"/> windows), m = median and
/// MAD = median(|rᵢ − m|), and z = (r − m) / s with s = max(1.4826·MAD, f·|forecast|, 1e-9),
/// where f is <see cref="TotalAnomalyOptions.ScaleFloorFraction"/>. The factor 1.4826 makes
/// 1.4826·MAD estimate the standard deviation of normally distributed residuals.
/// </para>
/// <para>
/// A window is anomalous when |z| &gt; threshold, |r| / max(|forecast|, 1e-9) ≥ the minimum
/// relative change, and the sign of r matches the configured direction. Non-finite baseline
/// residuals are skipped.
/// </para>
/// </remarks>
public sealed class TotalAnomalyDetector
{
    /// <summary>The consistency constant that turns a MAD into a standard deviation for normal data.</summary>
    public const double MadToStandardDeviation = 1.4826;

    private const double Tiny = 1e-9;
    private const int StackLimit = 256;

    /// <summary>Creates a detector with the given settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public TotalAnomalyDetector(TotalAnomalyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The settings.</summary>
    public TotalAnomalyOptions Options { get; }

    /// <summary>
    /// Tests the current window against the residuals of earlier windows.
    /// </summary>
    /// <param name="actual">The actual total of the current window.</param>
    /// <param name="forecast">The forecast total of the current window.</param>
    /// <param name="baselineResiduals">The residuals (actual − forecast) of earlier windows, oldest first; only the last <see cref="TotalAnomalyOptions.BaselineWindows"/> are used.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="actual"/> or <paramref name="forecast"/> is not finite.</exception>
    public TotalAnomalyResult Detect(double actual, double forecast, ReadOnlySpan<double> baselineResiduals)
    {
        if (!double.IsFinite(actual))
        {
            throw new ArgumentOutOfRangeException(nameof(actual), actual, "The actual total must be finite.");
        }

        if (!double.IsFinite(forecast))
        {
            throw new ArgumentOutOfRangeException(nameof(forecast), forecast, "The forecast total must be finite.");
        }

        var baseline = baselineResiduals.Length > Options.BaselineWindows
            ? baselineResiduals[^Options.BaselineWindows..]
            : baselineResiduals;
        var (median, mad) = MedianAndMad(baseline);

        var residual = actual - forecast;
        var scale = Math.Max(MadToStandardDeviation * mad, Math.Max(Options.ScaleFloorFraction * Math.Abs(forecast), Tiny));
        var z = (residual - median) / scale;
        var relativeChange = Math.Abs(residual) / Math.Max(Math.Abs(forecast), Tiny);
        var direction = ChangeDirection.None;
        if (residual > 0.0)
        {
            direction = ChangeDirection.Up;
        }
        else if (residual < 0.0)
        {
            direction = ChangeDirection.Down;
        }


        var isAnomalous = Math.Abs(z) > Options.Threshold
            && relativeChange >= Options.MinRelativeChange
            && MatchesDirection(direction);
        var severity = isAnomalous ? GradeSeverity(Math.Abs(z), relativeChange) : AnomalySeverity.None;

        return new TotalAnomalyResult(actual, forecast, residual, median, scale, z, relativeChange, direction, severity, isAnomalous);
    }

    /// <summary>
    /// Tests the last window of a total series; the earlier windows form the baseline.
    /// </summary>
    /// <param name="actuals">The actual totals, oldest first; the last one is the current window.</param>
    /// <param name="forecasts">The forecast totals for the same windows.</param>
    /// <exception cref="ArgumentException">The series are empty or differ in length.</exception>
    public TotalAnomalyResult Detect(ReadOnlySpan<double> actuals, ReadOnlySpan<double> forecasts)
    {
        if (actuals.Length == 0 || actuals.Length != forecasts.Length)
        {
            throw new ArgumentException(
                $"Expected two non-empty series of equal length but got {actuals.Length} actual and {forecasts.Length} forecast values.",
                nameof(forecasts));
        }

        var baselineCount = Math.Min(actuals.Length - 1, Options.BaselineWindows);
        var first = actuals.Length - 1 - baselineCount;
        double[]? rented = null;
        var residuals = baselineCount <= StackLimit
            ? stackalloc double[baselineCount]
            : (rented = ArrayPool<double>.Shared.Rent(baselineCount)).AsSpan(0, baselineCount);
        try
        {
            for (var i = 0; i < baselineCount; i++)
            {
                residuals[i] = actuals[first + i] - forecasts[first + i];
            }

            return Detect(actuals[^1], forecasts[^1], residuals);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    private bool MatchesDirection(ChangeDirection direction) => Options.Direction switch
    {
        AnomalyDirection.Up => direction == ChangeDirection.Up,
        AnomalyDirection.Down => direction == ChangeDirection.Down,
        _ => direction != ChangeDirection.None,
    };

    private AnomalySeverity GradeSeverity(double absoluteZ, double relativeChange)
    {
        var threshold = Options.Threshold;
        var minChange = Options.MinRelativeChange;
        if (absoluteZ >= 2.0 * threshold && relativeChange >= 4.0 * minChange)
        {
            return AnomalySeverity.High;
        }

        if (absoluteZ >= 1.5 * threshold && relativeChange >= 2.0 * minChange)
        {
            return AnomalySeverity.Medium;
        }

        return AnomalySeverity.Low;
    }

    private static (double Median, double Mad) MedianAndMad(ReadOnlySpan<double> values)
    {
        double[]? rented = null;
        var buffer = values.Length <= StackLimit
            ? stackalloc double[values.Length]
            : (rented = ArrayPool<double>.Shared.Rent(values.Length)).AsSpan(0, values.Length);
        try
        {
            var count = 0;
            foreach (var value in values)
            {
                if (double.IsFinite(value))
                {
                    buffer[count++] = value;
                }
            }

            if (count == 0)
            {
                return (0.0, 0.0);
            }

            var finite = buffer[..count];
            var median = MedianInPlace(finite);
            for (var i = 0; i < finite.Length; i++)
            {
                finite[i] = Math.Abs(finite[i] - median);
            }

            return (median, MedianInPlace(finite));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    private static double MedianInPlace(Span<double> values)
    {
        values.Sort();
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
    }
}
