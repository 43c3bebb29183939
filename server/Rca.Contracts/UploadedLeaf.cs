namespace Rca.Contracts;

/// <summary>
/// One leaf of an uploaded table.
/// </summary>
/// <param name="Values">The attribute values, in the order of <see cref="LocalizeRequest.Attributes"/>.</param>
/// <param name="Actual">The actual value, or the actual numerator of a ratio.</param>
/// <param name="Forecast">The forecast, or the forecast numerator of a ratio.</param>
/// <param name="ActualDenominator">The actual denominator of a ratio; omitted for a sum.</param>
/// <param name="ForecastDenominator">The forecast denominator of a ratio; omitted for a sum.</param>
public sealed record UploadedLeaf(
    IReadOnlyList<string>? Values,
    double? Actual,
    double? Forecast,
    double? ActualDenominator,
    double? ForecastDenominator);
