namespace Rca.Contracts.Calibration;

/// <summary>
/// One point of a reliability diagram: a predicted-probability bucket.
/// </summary>
/// <param name="Bucket">The bucket index.</param>
/// <param name="Impressions">The impressions in the bucket.</param>
/// <param name="MeanPrediction">The mean prediction in the bucket.</param>
/// <param name="ObservedRate">The observed label rate in the bucket.</param>
public sealed record ReliabilityPointDto(int Bucket, double Impressions, double MeanPrediction, double ObservedRate);
