using System.Collections;
using System.Resources;
using System.Text.RegularExpressions;
using Rca.Cli;
using Rca.Cli.Resources;
using Rca.Detectors.Tests.Data;

namespace Rca.Detectors.Tests.Cli;

public sealed class LanguageTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Fact]
    public async Task LangOption_ChineseErrors()
    {
        using var directory = new TempDirectory();

        var run = await CliRunner.RunAsync("evaluate", directory.Path, "--threads", "0", "--lang", "zh-Hans");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["错误：--threads 0 无效：应为不小于 1 的整数。", "运行 'rca evaluate --help' 查看用法。"], run.ErrorLines);
    }

    [Fact]
    public async Task LangOption_ChineseTable()
    {
        using var directory = new TempDirectory();
        var path = CliCaseFiles.WriteFundamental(directory);

        var run = await CliRunner.RunAsync("--lang=zh-Hans", "localize", path);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n');
        Assert.Equal($"{path} 的根因集合（PSqueeze，基本指标）：", lines[0]);
        Assert.Matches(@"^#\s+根因\s+层\s+GPS\s+解释力\s+实际值\s+预测值\s+影响\s+簇叶子数$", lines[1]);
        Assert.Matches(@"^1\s+a=a2\s+1\s", lines[3]);
        Assert.Contains("叶子：有效 60 个，异常量过滤后 15 个。异常簇：2 个。", run.Out);
    }

    [Fact]
    public async Task LangOption_ChineseHelp()
    {
        var run = await CliRunner.RunAsync("--lang", "zh-Hans", "localize", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("定位单个案例文件的根因并输出根因集合。", run.Out);
        Assert.Contains("显示帮助和用法信息。", run.Out);
    }

    [Fact]
    public async Task EnvironmentVariable_ChineseErrors()
    {
        using var directory = new TempDirectory();
        var missing = Path.Combine(directory.Path, "missing.csv");

        var run = await CliRunner.RunAsync(["localize", missing], new Dictionary<string, string> { ["RCA_LANG"] = "zh-Hans" }, TestContext.Current.CancellationToken);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"错误：{missing}: 无法读取文件：文件不存在"], run.ErrorLines);
    }

    [Fact]
    public async Task SystemLocale_Chinese()
    {
        var run = await CliRunner.RunAsync(["evaluate"], new Dictionary<string, string> { ["LANG"] = "zh_CN.UTF-8" }, TestContext.Current.CancellationToken);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("错误：", run.ErrorLines[0]);
        Assert.Equal("运行 'rca evaluate --help' 查看用法。", run.ErrorLines[1]);
    }

    [Fact]
    public async Task LangOption_OverridesEnvironment()
    {
        var run = await CliRunner.RunAsync(["evaluate", "--lang", "en"], new Dictionary<string, string> { ["RCA_LANG"] = "zh-Hans", ["LANG"] = "zh_CN.UTF-8" }, TestContext.Current.CancellationToken);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Run 'rca evaluate --help' for the usage.", run.ErrorLines[1]);
    }

    [Fact]
    public async Task UnknownLanguage_ExitsTwo()
    {
        var run = await CliRunner.RunAsync("--lang", "fr", "evaluate", ".");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["error: Invalid language 'fr' in --lang: expected en or zh-Hans."], run.ErrorLines);
    }

    [Fact]
    public void Resolve_FollowsPrecedence()
    {
        Assert.Equal("en", UiLanguage.Resolve([], NoEnvironment.GetValueOrDefault));
        Assert.Equal("zh-Hans", UiLanguage.Resolve([], new Dictionary<string, string> { ["LC_ALL"] = "zh_CN.UTF-8", ["LANG"] = "en_US.UTF-8" }.GetValueOrDefault));
        Assert.Equal("en", UiLanguage.Resolve([], new Dictionary<string, string> { ["LC_MESSAGES"] = "C", ["LANG"] = "zh_CN.UTF-8" }.GetValueOrDefault));
        Assert.Equal("zh-Hans", UiLanguage.Resolve([], new Dictionary<string, string> { ["RCA_LANG"] = "ZH-HANS", ["LANG"] = "en_US" }.GetValueOrDefault));
        Assert.Equal("en", UiLanguage.Resolve(["--lang", "en"], new Dictionary<string, string> { ["RCA_LANG"] = "zh-Hans" }.GetValueOrDefault));
    }

    [Fact]
    public void FromLocale_MapsChineseVariants()
    {
        Assert.Equal("zh-Hans", UiLanguage.FromLocale("zh_CN.UTF-8"));
        Assert.Equal("zh-Hans", UiLanguage.FromLocale("zh-Hans-CN"));
        Assert.Equal("zh-Hans", UiLanguage.FromLocale("zh_SG"));
        Assert.Equal("zh-Hans", UiLanguage.FromLocale("zh"));
        Assert.Equal("en", UiLanguage.FromLocale("zh_TW.UTF-8"));
        Assert.Equal("en", UiLanguage.FromLocale("zh-Hant"));
        Assert.Equal("en", UiLanguage.FromLocale("de_DE@euro"));
        Assert.Equal("en", UiLanguage.FromLocale("POSIX"));
    }

    [Fact]
    public void Resources_ChineseCoversEveryMessage()
    {
        var english = Entries(Messages.ResourceManager, new LanguageCulture("en"));
        var chinese = Entries(Messages.ResourceManager, new LanguageCulture("zh-Hans"));

        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), chinese.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, text) in english)
        {
            Assert.Equal(Placeholders(text), Placeholders(chinese[name]));
        }

        Assert.NotEqual(english[nameof(Messages.RootDescription)], chinese[nameof(Messages.RootDescription)]);
    }

    [Fact]
    public void DisplayWidth_CountsChineseAsTwo()
    {
        Assert.Equal(4, TextTable.DisplayWidth("根因"));
        Assert.Equal(6, TextTable.DisplayWidth("a=a2；"));
        Assert.Equal(3, TextTable.DisplayWidth("GPS"));
    }

    private static Dictionary<string, string> Entries(ResourceManager manager, LanguageCulture culture)
    {
        // English has no satellite assembly, so its entries are the neutral ones. The zh-Hans
        // entries must come from the satellite itself, without falling back.
        var set = culture.Name == "en"
            ? manager.GetResourceSet(System.Globalization.CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
            : manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        var entries = new Dictionary<string, string>();
        foreach (DictionaryEntry entry in set)
        {
            entries[(string)entry.Key] = (string)entry.Value!;
        }

        return entries;
    }

    private static string[] Placeholders(string text) =>
        [.. Regex.Matches(text, @"\{\d+\}").Select(match => match.Value).Distinct().Order(StringComparer.Ordinal)];
}
