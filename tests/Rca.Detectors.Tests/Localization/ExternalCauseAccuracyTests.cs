using Rca.Detectors.Data;
using Rca.Detectors.Evaluation;
using Rca.Detectors.Localization;

namespace Rca.Detectors.Tests.Localization;

/// <summary>
/// Measures the external-root-cause decision on every B0 fixture case twice. As it is, the
/// cause is internal. With the first attribute of its root cause summed away, the cause is
/// external.
/// </summary>
public sealed class ExternalCauseAccuracyTests
{
    // External F1 = 2·13 / (2·13 + 1 + 5) = 0.81.
    private const int PinnedTruePositives = 13;
    private const int PinnedFalsePositives = 1;
    private const int PinnedFalseNegatives = 5;

    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "b0");

    [Fact]
    public void Classify_B0WithDroppedAttribute_MatchesPinnedScore()
    {
        var localizer = new PSqueezeLocalizer();
        var cases = EvaluationDataset.Discover(Fixtures).Cases;
        var results = new List<(LocalizationResult Result, bool External)>();
        foreach (var evaluationCase in cases)
        {
            var table = evaluationCase.Load();
            var dropped = evaluationCase.GroundTruth[0].Pairs[0].Key;
            results.Add((localizer.Localize(table, TestContext.Current.CancellationToken), false));
            results.Add((localizer.Localize(Drop(table, dropped), TestContext.Current.CancellationToken), true));
        }

        var threshold = ExternalRootCauseClassifier.Threshold([.. results.Select(item => item.Result.MinGps)]);
        var score = new MatchScore();
        foreach (var (result, external) in results)
        {
            score += MatchScore.Binary(ExternalRootCauseClassifier.IsExternal(result, threshold), external);
        }

        Assert.Equal(36, results.Count);
        Assert.Equal(PinnedTruePositives, score.TruePositives);
        Assert.Equal(PinnedFalsePositives, score.FalsePositives);
        Assert.Equal(PinnedFalseNegatives, score.FalseNegatives);
    }

    private static LeafTable Drop(LeafTable table, string attribute)
    {
        var kept = Enumerable.Range(0, table.AttributeCount).Where(index => table.AttributeNames[index] != attribute).ToArray();
        var sums = new Dictionary<string, (string[] Values, double Actual, double Forecast)>();
        for (var leaf = 0; leaf < table.LeafCount; leaf++)
        {
            var values = kept.Select(index => table.GetAttributeValues(index)[table.GetCodes(index)[leaf]]).ToArray();
            var key = string.Join('\u0001', values);
            var sum = sums.GetValueOrDefault(key, (values, 0, 0));
            sums[key] = (values, sum.Actual + table.Actual[leaf], sum.Forecast + table.Forecast[leaf]);
        }

        var builder = new LeafTableBuilder([.. kept.Select(index => table.AttributeNames[index])], MeasureKind.Fundamental);
        foreach (var (values, actual, forecast) in sums.Values)
        {
            builder.Add(values, actual, forecast);
        }

        return builder.Build();
    }
}
