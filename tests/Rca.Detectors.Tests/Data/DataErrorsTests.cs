using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Rca.Cli;
using Rca.Detectors.Data;
using Rca.Detectors.Resources;

namespace Rca.Detectors.Tests.Data;

public sealed partial class DataErrorsTests
{
    // The runtime words file system errors in English only, so these Chinese texts leave out
    // the system message that the English ones show.
    private static readonly DataFileError[] ChineseWithoutSystemMessage = [DataFileError.ReadFileNotFound, DataFileError.ReadAccessDenied];

    // ASCII words a Chinese text may keep: formats, file name suffixes and the keys and
    // columns of the data files, which users type as they are.
    private static readonly HashSet<string> KeptTerms = new(StringComparer.Ordinal)
    {
        "CSV", "UTF", "YAML", "Unix", "ISO", "csv", "a", "b", "data", "timestamp", "cause", "value", "cnt", "min", "bitrate",
    };

    [Fact]
    public void Resources_OneEntryPerCode()
    {
        var english = Entries(CultureInfo.InvariantCulture);
        var chinese = Entries(new LanguageCulture("zh-Hans"));
        var codes = Enum.GetNames<DataFileError>().Where(name => name != nameof(DataFileError.Unspecified)).Order(StringComparer.Ordinal);

        Assert.Equal(codes, english.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(codes, chinese.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Resources_ChineseHasSamePlaceholders()
    {
        var english = Entries(CultureInfo.InvariantCulture);
        var chinese = Entries(new LanguageCulture("zh-Hans"));

        foreach (var (name, text) in english)
        {
            var expected = ChineseWithoutSystemMessage.Contains(Enum.Parse<DataFileError>(name)) ? [] : Placeholders(text);
            Assert.Equal($"{name}: {string.Join(' ', expected)}", $"{name}: {string.Join(' ', Placeholders(chinese[name]))}");
        }
    }

    [Fact]
    public void Resources_ChineseHasNoEnglishWords()
    {
        foreach (var (name, text) in Entries(new LanguageCulture("zh-Hans")))
        {
            var withoutPlaceholders = PlaceholderPattern().Replace(text, " ");
            var words = AsciiWordPattern().Matches(withoutPlaceholders).Select(match => match.Value).Where(word => !KeptTerms.Contains(word));
            Assert.Equal($"{name}: ", $"{name}: {string.Join(' ', words)}");
        }
    }

    [Fact]
    public void Resources_EveryTextFormats()
    {
        var arguments = new object?[] { (byte)0xC0, 2, 3, 4 };
        foreach (var culture in new[] { new LanguageCulture("en"), new LanguageCulture("zh-Hans") })
        {
            foreach (var code in Enum.GetValues<DataFileError>().Where(code => code != DataFileError.Unspecified))
            {
                // A stray brace in a resource text makes string.Format throw here.
                var text = DataErrors.Format(code, culture, arguments);

                Assert.DoesNotMatch(PlaceholderPattern(), text);
            }
        }

        Assert.Equal("expected '{' to start a mapping", DataErrors.Format(DataFileError.ExpectedMappingStart, CultureInfo.InvariantCulture, []));
        Assert.Equal("应为映射（例如 {'bitrate': 2000}）或映射列表", DataErrors.Format(DataFileError.ExpectedCause, new LanguageCulture("zh-Hans"), []));
    }

    [Fact]
    public void Format_UsesInvariantNumbers()
    {
        var text = DataErrors.Format(DataFileError.SuccessesExceedAttempts, new LanguageCulture("zh-Hans"), [1234.5, 2e6]);

        Assert.Equal("value 1234.5（成功数）大于 cnt 2000000（请求数）", text);
    }

    [Fact]
    public void Format_UnspecifiedCode_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DataErrors.Format(DataFileError.Unspecified, CultureInfo.InvariantCulture, []));
    }

    [Fact]
    public void Exception_ProblemConstructorKeepsText()
    {
        var error = new InvalidDataFileException("s/bad.csv", 4, 2, "broken");

        Assert.Equal("s/bad.csv:4:2: broken", error.Message);
        Assert.Equal(DataFileError.Unspecified, error.Code);
        Assert.Empty(error.Arguments);
        Assert.Equal("broken", error.FormatProblem(new LanguageCulture("zh-Hans")));
    }

    [Fact]
    public void Exception_CodeConstructorFormatsText()
    {
        InvalidDataFileException error;
        using (new UiCultureScope("zh-Hans"))
        {
            error = new InvalidDataFileException("d/1.csv", 3, 2, DataFileError.NegativeValue, ["-3", "real"]);
        }

        Assert.Equal("d/1.csv:3:2: 列 'real' 中的值 '-3' 为负数。指标值必须大于或等于 0", error.Message);
        Assert.Equal(["-3", "real"], error.Arguments);
        Assert.Equal("negative value '-3' in column 'real'. Measures must be zero or more", error.FormatProblem(new LanguageCulture("en")));
    }

    [Fact]
    public void ParseSet_ChineseFormatException()
    {
        FormatException error;
        using (new UiCultureScope("zh-Hans"))
        {
            error = Assert.Throws<FormatException>(() => AttributeCombination.ParseSet("a=1;a=1&a=2"));
        }

        Assert.Equal("无效的属性组合 'a=1&a=2'：属性 'a' 有两个值：'1' 和 '2'。", error.Message);
    }

    private static Dictionary<string, string> Entries(CultureInfo culture)
    {
        // The neutral (English) entries live in the main assembly. The zh-Hans entries must
        // come from the satellite assembly itself, without falling back to English.
        var set = DataErrors.ResourceManager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in set)
        {
            entries[(string)entry.Key] = (string)entry.Value!;
        }

        return entries;
    }

    private static string[] Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(match => match.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();

    // Letters next to a digit belong to a number such as 1e3 or 0xC0, not to a word.
    [GeneratedRegex("(?<![0-9])[A-Za-z]+(?![0-9])")]
    private static partial Regex AsciiWordPattern();
}
