namespace Rca.Web.Components.Shared;

/// <summary>
/// Fits KPI totals to MudChart's line chart, whose Y-axis tick spacing is an integer: totals
/// below 10 (ratios such as a failure rate) are multiplied by a power of ten first.
/// </summary>
/// <param name="Factor">The power of ten the values are multiplied by; 1 when they are shown as they are.</param>
/// <param name="TickSpacing">The Y-axis tick spacing for the scaled values: 1, 2 or 5 times a power of ten, about 5 ticks over their range.</param>
internal sealed record ChartScale(double Factor, int TickSpacing)
{
    public static ChartScale For(IReadOnlyList<double?> values)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var value in values)
        {
            if (value is { } number && double.IsFinite(number))
            {
                min = Math.Min(min, number);
                max = Math.Max(max, number);
            }
        }

        if (double.IsInfinity(min))
        {
            return new ChartScale(1, 1);
        }

        var largest = Math.Max(Math.Abs(min), Math.Abs(max));
        var factor = largest is > 0 and < 10 ? Math.Pow(10, Math.Ceiling(Math.Log10(100 / largest))) : 1;
        var range = (max - min) * factor;
        if (range <= 0)
        {
            range = largest * factor;
        }

        return new ChartScale(factor, NiceStep(range / 5));
    }

    private static int NiceStep(double rough)
    {
        if (rough <= 1)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var mantissa = rough / power;
        var nice = mantissa switch
        {
            < 1.5 => 1,
            < 3.5 => 2,
            < 7.5 => 5,
            _ => 10,
        };
        return (int)Math.Min(int.MaxValue, nice * power);
    }
}
