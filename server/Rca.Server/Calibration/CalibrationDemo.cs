using Rca.Detectors.Calibration;
using Rca.Detectors.Data;
using Rca.Detectors.Synthetic.Calibration;
using Rca.Server.Jobs;

namespace Rca.Server.Calibration;

/// <summary>
/// The demo calibration model <c>ctr-demo</c>: a seeded stream of 40 hourly windows over site,
/// device and region in which the predictions of the busiest site are 1.3 times too high in the
/// last 4 windows. The stream is shifted so that its last window is the latest mature one.
/// </summary>
/// <remarks>
/// Each row carries the bucket of its prediction in steps of 0.005 (<see cref="BucketCount"/>
/// equal-width buckets), so the checks have a reliability diagram. Every impression of a
/// generated row has the same prediction, so a row lies wholly in one bucket. The tag therefore
/// adds no points, and the sums per field combination are those of the stream without buckets.
/// </remarks>
internal static class CalibrationDemo
{
    public const string ModelName = "ctr-demo";
    public const string Measurement = "ctr_calibration";
    public const string ModelValue = "ctr_model_v1";
    public const int Seed = 20261204;
    public const int WindowCount = 40;
    public const int DriftedWindows = 4;
    public const double DriftFactor = 1.3;
    public const string BucketTag = "bucket";

    /// <summary>
    /// The number of equal-width prediction buckets. Most of the demo's predictions lie between 2 %
    /// and 5.5 %, so steps of 0.005 give about eight non-empty buckets. A drifted row's prediction
    /// moves up by one to three buckets while its labels stay, which pulls those buckets' points
    /// below the diagonal.
    /// </summary>
    public const int BucketCount = 200;

    private static readonly TimeSpan WindowLength = TimeSpan.FromHours(1);
    private static readonly TimeSpan LabelDelay = TimeSpan.FromMinutes(30);

    /// <summary>Returns the configuration of the demo model, reading from <paramref name="database"/> on the default InfluxDB connection.</summary>
    public static CalibrationModelOptions Model(string database) => new()
    {
        Measurement = Measurement,
        Model = ModelValue,
        Fields = ["site", "device", "region"],
        BucketTag = BucketTag,
        Window = "1h",
        LabelDelay = "30m",
        Database = database,
        Schedule = "*/5 * * * *",
        Channels = ["demo"],
    };

    /// <summary>
    /// Generates the stream so that its last window is the latest mature one at <paramref name="now"/>,
    /// with each row in its prediction bucket, and returns the drifted segment.
    /// </summary>
    public static (CalibrationStream Stream, AttributeCombination DriftedSite) Generate(DateTimeOffset now)
    {
        var latestMature = WindowClock.LatestCompleteWindow(now, WindowLength, LabelDelay);
        var options = new CalibrationStreamOptions
        {
            Model = ModelValue,
            Fields = [new("site", 6), new("device", 3), new("region", 4)],
            WindowCount = WindowCount,
            Start = latestMature - (WindowLength * (WindowCount - 1)),
            WindowLength = WindowLength,
            MeanImpressionsPerWindow = 2_000_000,
        };
        var generator = new CalibrationStreamGenerator(options, new Random(Seed));

        AttributeCombination? busiest = null;
        var maxShare = 0.0;
        for (var site = 0; site < 6; site++)
        {
            var segment = AttributeCombination.Parse($"site=site_{site}");
            var share = generator.ImpressionShare(segment);
            if (share > maxShare)
            {
                (busiest, maxShare) = (segment, share);
            }
        }

        var stream = generator.Generate([new CalibrationDrift(busiest!, DriftFactor, WindowCount - DriftedWindows)]);
        return (stream with { Windows = [.. stream.Windows.Select(WithBuckets)] }, busiest!);
    }

    /// <summary>
    /// Returns the bucket of a row whose impressions all have the prediction <c>p = P/N</c>, by the
    /// rule of <see cref="RawPredictionSet.ToWindow"/>: <c>min(⌊p·B⌋, B − 1)</c>. The generator
    /// writes no row without impressions.
    /// </summary>
    public static int Bucket(CalibrationRow row) =>
        Math.Min((int)(row.PredictionSum / row.Impressions * BucketCount), BucketCount - 1);

    private static CalibrationWindow WithBuckets(CalibrationWindow window) =>
        new(window.Model, window.Start, window.Length, window.FieldNames, [.. window.Rows.Select(row => row with { Bucket = Bucket(row) })]);
}
