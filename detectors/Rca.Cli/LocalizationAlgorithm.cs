using Rca.Detectors.Localization;

namespace Rca.Cli;

/// <summary>The localizer settings behind <c>--algorithm</c>.</summary>
internal static class LocalizationAlgorithm
{
    public const string PSqueezeName = "psqueeze";
    public const string SqueezeName = "squeeze";

    /// <summary>Returns the localizer options of an algorithm name.</summary>
    /// <param name="name">psqueeze or squeeze, as the option accepts.</param>
    /// <param name="maxDegreeOfParallelism">The threads of one localization; 0 uses every processor.</param>
    public static PSqueezeOptions Options(string name, int maxDegreeOfParallelism = 0) => name switch
    {
        PSqueezeName => new PSqueezeOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
        SqueezeName => new PSqueezeOptions { Probabilistic = false, MaxDegreeOfParallelism = maxDegreeOfParallelism },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Expected psqueeze or squeeze."),
    };

    /// <summary>Returns the display name of an algorithm: PSqueeze or Squeeze.</summary>
    public static string DisplayName(string name) => name == SqueezeName ? "Squeeze" : "PSqueeze";
}
