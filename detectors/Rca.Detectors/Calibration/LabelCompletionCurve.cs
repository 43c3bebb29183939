namespace Rca.Detectors.Calibration;

/// <summary>
/// The share of labels that has arrived by the age of an impression, as a piecewise-linear
/// curve through measured points. It starts at (0, 0), and past the last point it stays at the
/// last fraction.
/// </summary>
/// <remarks>
/// Delayed feedback (Li et al., "Follow the Prophet", KDD 2021): a young window has received
/// only part of its labels, so its raw counts look over-predicted. Scaling the expected labels by
/// this curve makes young windows comparable with mature ones.
/// </remarks>
public sealed class LabelCompletionCurve
{
    // Impressions are assumed to be spread evenly over a window; its completion is the mean of
    // the curve over this many evenly spaced impression times.
    private const int WindowSamples = 32;

    private readonly LabelCompletionPoint[] _points;

    /// <summary>Creates a curve from points with increasing positive ages and non-decreasing fractions in [0, 1].</summary>
    /// <exception cref="ArgumentException">No points, or a point breaks the order or range.</exception>
    public LabelCompletionCurve(IReadOnlyList<LabelCompletionPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            throw new ArgumentException("A label-completion curve needs at least one point.", nameof(points));
        }

        var previous = new LabelCompletionPoint(TimeSpan.Zero, 0);
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            if (point.Age <= previous.Age)
            {
                throw new ArgumentException($"Point {i} has age {point.Age}; ages must be positive and increasing.", nameof(points));
            }

            if (!(point.Fraction >= previous.Fraction && point.Fraction <= 1))
            {
                throw new ArgumentException(
                    $"Point {i} has fraction {point.Fraction}; fractions must be in [0, 1] and must not decrease.", nameof(points));
            }

            previous = point;
        }

        _points = [.. points];
    }

    /// <summary>The points of the curve, by increasing age.</summary>
    public IReadOnlyList<LabelCompletionPoint> Points => _points;

    /// <summary>
    /// Creates the curve of an exponential delay with the given mean, <c>1 − exp(−age/mean)</c>,
    /// sampled at <paramref name="pointCount"/> ages up to 10 means (where it reaches 0.99995).
    /// </summary>
    public static LabelCompletionCurve Exponential(TimeSpan mean, int pointCount = 64)
    {
        if (mean <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "The mean delay must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(pointCount, 2);
        var points = new LabelCompletionPoint[pointCount];
        for (var i = 0; i < pointCount; i++)
        {
            var age = mean * (10.0 * (i + 1) / pointCount);
            points[i] = new LabelCompletionPoint(age, 1 - Math.Exp(-age / mean));
        }

        return new LabelCompletionCurve(points);
    }

    /// <summary>Returns the share of labels that has arrived by an age; 0 for an age of 0 or less.</summary>
    public double FractionAt(TimeSpan age)
    {
        if (age <= TimeSpan.Zero)
        {
            return 0;
        }

        var previous = new LabelCompletionPoint(TimeSpan.Zero, 0);
        foreach (var point in _points)
        {
            if (age <= point.Age)
            {
                var share = (age - previous.Age) / (point.Age - previous.Age);
                return previous.Fraction + share * (point.Fraction - previous.Fraction);
            }

            previous = point;
        }

        return previous.Fraction;
    }

    /// <summary>
    /// Returns the expected share of a window's labels that has arrived at <paramref name="now"/>,
    /// for impressions spread evenly over <c>[start, end)</c>: the mean of the curve at the ages
    /// of 32 evenly spaced impression times.
    /// </summary>
    public double WindowFraction(DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        if (end <= start)
        {
            throw new ArgumentException($"The window end {end:O} must be after its start {start:O}.", nameof(end));
        }

        var step = (end - start) / WindowSamples;
        double sum = 0;
        for (var i = 0; i < WindowSamples; i++)
        {
            var impressionTime = start + step * (i + 0.5);
            sum += FractionAt(now - impressionTime);
        }

        return sum / WindowSamples;
    }
}
