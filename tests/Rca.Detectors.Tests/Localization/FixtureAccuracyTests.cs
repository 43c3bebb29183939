using Rca.Detectors.Evaluation;
using Rca.Detectors.Localization;

namespace Rca.Detectors.Tests.Localization;

/// <summary>
/// Pins the localizer's root causes on the bundled B0 and RS fixtures, so any change in accuracy
/// shows as a failing case.
/// </summary>
public sealed class FixtureAccuracyTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private static readonly Dictionary<string, string> B0Answers = new()
    {
        {"B_cuboid_layer_1_n_ele_1/1450653900", "d=d8"},
        {"B_cuboid_layer_1_n_ele_1/1450684200", "c=c6"},
        {"B_cuboid_layer_1_n_ele_2/1450653900", "a=a4;b=b25"},
        {"B_cuboid_layer_1_n_ele_2/1450684200", "d=d4;d=d5"},
        {"B_cuboid_layer_1_n_ele_3/1450653900", "b=b24;d=d10;d=d2"},
        {"B_cuboid_layer_1_n_ele_3/1450684200", "a=a5;b=b16;b=b20"},
        {"B_cuboid_layer_2_n_ele_1/1450653900", "a=a2&d=d4"},
        {"B_cuboid_layer_2_n_ele_1/1450684200", "a=a1&b=b7"},
        {"B_cuboid_layer_2_n_ele_2/1450653900", "a=a6&b=b9;b=b34&d=d8;c=c2&d=d8"},
        {"B_cuboid_layer_2_n_ele_2/1450684200", "b=b2&d=d3;b=b27&d=d5"},
        {"B_cuboid_layer_2_n_ele_3/1450653900", "a=a5&d=d6;a=a6&d=d3;c=c8&d=d7"},
        {"B_cuboid_layer_2_n_ele_3/1450684200", "b=b1&d=d2;b=b24&d=d4;b=b6&d=d7"},
        {"B_cuboid_layer_3_n_ele_1/1450653900", "b=b9&c=c4&d=d5"},
        {"B_cuboid_layer_3_n_ele_1/1450684200", "a=a3&b=b11&d=d10"},
        {"B_cuboid_layer_3_n_ele_2/1450653900", "a=a1&b=b1&d=d6;a=a3&b=b24&d=d7"},
        {"B_cuboid_layer_3_n_ele_2/1450684200", "a=a1&c=c2&d=d7;a=a2&c=c4&d=d8"},
        {"B_cuboid_layer_3_n_ele_3/1450653900", "a=a2&b=b16&d=d10;a=a4&b=b12&c=c1;a=a4&b=b14&d=d9"},
        {"B_cuboid_layer_3_n_ele_3/1450684200", "a=a2&b=b20&c=c3;a=a6&b=b2&d=d6;a=a6&c=c1&d=d8"},
    };

    private static readonly Dictionary<string, string> RsAnswers = new()
    {
        {"case13_1016_1084106781", "bitrate=500&p2p=0"},
        {"case22_0919_1272997391", "bitrate=2000;bitrate=8000"},
        {"case37_1114_1699667589", "bitrate=0"},
        {"case40_1116_2399994722", "p2p=1"},
        {"case42_1128_99615733", "bitrate=500"},
        {"case43_1130_1524418059", "bitrate=0;bitrate=2000"},
        {"case47_1205_1423787837", "bitrate=1200;bitrate=2000"},
        {"case48_1205_2294432", "bitrate=500;p2p=1"},
        {"case49_1205_1849387251", "cdn=3"},
        {"20200603 064301 17767732", "cdn=3;device=pc_exe"},
        {"2020-08-06+15_09_00", "bitrate=10000"},
        {"2020-08-07+07_59_00", "p2p=1"},
    };

    [Fact]
    public void Evaluate_B0Fixtures_MatchesPinnedScore()
    {
        var report = Evaluate("b0", new PSqueezeOptions());

        Assert.Equal(18, report.CaseCount);
        Assert.Equal(36, report.Score.TruePositives);
        Assert.Equal(1, report.Score.FalsePositives);
        Assert.Equal(0, report.Score.FalseNegatives);
        Assert.Equal(0.9863, report.Score.F1, 4);
    }

    [Fact]
    public void Evaluate_B0Fixtures_MatchesPinnedAnswers()
    {
        var report = Evaluate("b0", new PSqueezeOptions());

        Assert.Equal(B0Answers, report.Cases.ToDictionary(evaluated => evaluated.Id, evaluated => evaluated.RootCause));
    }

    [Fact]
    public void Evaluate_RsFixtures_MatchesPinnedScore()
    {
        var report = Evaluate("rs", new PSqueezeOptions());

        Assert.Equal(12, report.CaseCount);
        Assert.Equal(3, report.Score.TruePositives);
        Assert.Equal(14, report.Score.FalsePositives);
        Assert.Equal(10, report.Score.FalseNegatives);
        Assert.Equal(0.2, report.Score.F1, 4);
    }

    [Fact]
    public void Evaluate_RsFixtures_MatchesPinnedAnswers()
    {
        var report = Evaluate("rs", new PSqueezeOptions());

        Assert.Equal(RsAnswers, report.Cases.ToDictionary(evaluated => evaluated.Id, evaluated => evaluated.RootCause));
    }

    [Theory]
    [InlineData("b0")]
    [InlineData("rs")]
    public void Evaluate_BinnedDensity_GivesSameAnswers(string folder)
    {
        var exact = Evaluate(folder, new PSqueezeOptions());
        var binned = Evaluate(folder, new PSqueezeOptions { ExactKdeMaxLeaves = 0 });

        Assert.Equal(
            exact.Cases.Select(evaluated => evaluated.RootCause),
            binned.Cases.Select(evaluated => evaluated.RootCause));
    }

    [Fact]
    public void Evaluate_ThreadCount_GivesSameReport()
    {
        var one = Evaluate("b0", new PSqueezeOptions(), threads: 1);
        var two = Evaluate("b0", new PSqueezeOptions { MaxDegreeOfParallelism = 1 }, threads: 2);

        Assert.Equal(one.Cases.Select(evaluated => evaluated.RootCause), two.Cases.Select(evaluated => evaluated.RootCause));
        Assert.Equal(one.Cases.Select(evaluated => evaluated.MinGps), two.Cases.Select(evaluated => evaluated.MinGps));
    }

    private static EvaluationReport Evaluate(string folder, PSqueezeOptions options, int threads = 2)
    {
        var dataset = EvaluationDataset.Discover(Path.Combine(Fixtures, folder));
        var localizer = new PSqueezeLocalizer(options);
        return Evaluator.Evaluate(
            dataset.Cases,
            localizer.Localize,
            new EvaluationOptions { Threads = threads },
            cancellationToken: TestContext.Current.CancellationToken);
    }
}
