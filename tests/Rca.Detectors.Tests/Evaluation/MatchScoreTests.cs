using Rca.Detectors.Data;
using Rca.Detectors.Evaluation;

namespace Rca.Detectors.Tests.Evaluation;

public sealed class MatchScoreTests
{
    private static IReadOnlyList<AttributeCombination> Set(string text) => AttributeCombination.ParseSet(text);

    [Fact]
    public void ExactMatch_CountsCanonicalCombinations()
    {
        var score = MatchScore.ExactMatch(Set("b=b1&a=a1;c=c1;c=c1;d=d4"), Set("a=a1&b=b1;e=e5"));

        Assert.Equal(1, score.TruePositives);
        Assert.Equal(2, score.FalsePositives);
        Assert.Equal(1, score.FalseNegatives);
        Assert.Equal(1.0 / 3, score.Precision);
        Assert.Equal(0.5, score.Recall);
        Assert.Equal(2.0 / 5, score.F1);
    }

    [Fact]
    public void ExactMatch_RepeatedPredictionCountsOnce()
    {
        var predicted = new[] { AttributeCombination.Parse("a=a1&b=b1"), AttributeCombination.Parse("b=b1&a=a1") };

        var score = MatchScore.ExactMatch(predicted, Set("a=a1&b=b1"));

        Assert.Equal(new MatchScore(1, 0, 0), score);
    }

    [Fact]
    public void ExactMatch_ParentIsNotMatch()
    {
        var score = MatchScore.ExactMatch(Set("a=a1"), Set("a=a1&b=b1"));

        Assert.Equal(new MatchScore(0, 1, 1), score);
        Assert.Equal(0.0, score.F1);
    }

    [Fact]
    public void Scores_EmptyPredictionAndTruth()
    {
        var score = MatchScore.ExactMatch([], []);

        Assert.Equal(1.0, score.Precision);
        Assert.Equal(1.0, score.Recall);
        Assert.Equal(1.0, score.F1);
    }

    [Fact]
    public void Scores_NoPredictionMissedTruth()
    {
        var score = MatchScore.ExactMatch([], Set("a=a1"));

        Assert.Equal(0.0, score.Precision);
        Assert.Equal(0.0, score.Recall);
        Assert.Equal(0.0, score.F1);
    }

    [Fact]
    public void Scores_PredictionWithoutTruth()
    {
        var score = MatchScore.ExactMatch(Set("a=a1"), []);

        Assert.Equal(0.0, score.Precision);
        Assert.Equal(0.0, score.Recall);
        Assert.Equal(0.0, score.F1);
    }

    [Fact]
    public void Add_SumsCounts()
    {
        var total = new MatchScore(3, 1, 0) + new MatchScore(0, 2, 5);

        Assert.Equal(new MatchScore(3, 3, 5), total);
        Assert.Equal(0.5, total.Precision);
        Assert.Equal(3.0 / 8, total.Recall);
        Assert.Equal(6.0 / 14, total.F1);
    }

    [Theory]
    [InlineData(true, true, 1, 0, 0)]
    [InlineData(true, false, 0, 1, 0)]
    [InlineData(false, true, 0, 0, 1)]
    [InlineData(false, false, 0, 0, 0)]
    public void Binary_CountsDecision(bool predicted, bool truth, int tp, int fp, int fn)
    {
        Assert.Equal(new MatchScore(tp, fp, fn), MatchScore.Binary(predicted, truth));
    }
}
