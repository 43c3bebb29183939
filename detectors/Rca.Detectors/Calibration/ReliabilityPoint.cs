namespace Rca.Detectors.Calibration;

/// <summary>
/// One point of a reliability diagram: a predicted-probability bucket with its mean prediction
/// and its observed label rate.
/// </summary>
/// <param name="Bucket">The bucket index.</param>
/// <param name="Impressions">The impressions in the bucket, <c>N_b</c>.</param>
/// <param name="MeanPrediction">The mean prediction, <c>P_b / N_b</c>.</param>
/// <param name="ObservedRate">The observed label rate, <c>Y_b / N_b</c>.</param>
public sealed record ReliabilityPoint(int Bucket, double Impressions, double MeanPrediction, double ObservedRate);
