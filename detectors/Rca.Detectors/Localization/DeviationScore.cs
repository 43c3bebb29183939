namespace Rca.Detectors.Localization;

/// <summary>
/// The deviation score of a leaf, <c>d = (f − v) / (f + v)</c> in [−1, 1]: positive when the
/// actual value is below the forecast. Under the generalized ripple effect every descendant of
/// one root cause shares the same score (Li et al., JSS 2023, section 3).
/// </summary>
public static class DeviationScore
{
    /// <summary>Returns the deviation score of an actual value against its forecast; 0/0 gives 0.</summary>
    public static double Compute(double forecast, double actual)
    {
        var sum = forecast + actual;
        return sum == 0 ? 0 : (forecast - actual) / sum;
    }
}
