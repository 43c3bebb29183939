using System.CommandLine;
using Rca.Cli.Resources;

namespace Rca.Cli;

/// <summary>
/// The options several commands share, created once per run so that their help texts are in
/// the run's language.
/// </summary>
internal sealed class SharedOptions
{
    public const string TextFormat = "text";
    public const string JsonFormat = "json";

    public SharedOptions()
    {
        Format = new Option<string>("--format")
        {
            Description = Messages.FormatOption,
            DefaultValueFactory = _ => TextFormat,
        };
        Format.AcceptOnlyFromAmong(TextFormat, JsonFormat);

        Algorithm = new Option<string>("--algorithm")
        {
            Description = Messages.AlgorithmOption,
            DefaultValueFactory = _ => LocalizationAlgorithm.PSqueezeName,
        };
        Algorithm.AcceptOnlyFromAmong(LocalizationAlgorithm.PSqueezeName, LocalizationAlgorithm.SqueezeName);

        Language = new Option<string>(UiLanguage.OptionName)
        {
            Description = Messages.LangOption,
            Recursive = true,
        };
        Language.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, UiLanguage.Supported);

        Verbose = new Option<bool>("--verbose")
        {
            Description = Messages.VerboseOption,
            Recursive = true,
        };
    }

    /// <summary><c>--format text|json</c>.</summary>
    public Option<string> Format { get; }

    /// <summary><c>--algorithm psqueeze|squeeze</c>.</summary>
    public Option<string> Algorithm { get; }

    /// <summary><c>--lang en|zh-Hans</c>, read ahead of parsing by <see cref="UiLanguage"/>.</summary>
    public Option<string> Language { get; }

    /// <summary><c>--verbose</c>: stack traces for unexpected errors.</summary>
    public Option<bool> Verbose { get; }
}
