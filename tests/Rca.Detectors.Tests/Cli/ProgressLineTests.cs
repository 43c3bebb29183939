using Rca.Cli;
using Rca.Detectors.Tests.Data;

namespace Rca.Detectors.Tests.Cli;

public sealed class ProgressLineTests
{
    private static ProgressLine Create(StringWriter error, bool terminal, ManualTime time) =>
        new(new CliConsole(TextWriter.Null, error, terminal, _ => null), done => $"done {done}/3", 3, time);

    [Fact]
    public void Terminal_RedrawsInPlace()
    {
        using var error = new StringWriter();
        var time = new ManualTime();

        using (var progress = Create(error, terminal: true, time))
        {
            progress.Report(1);
            time.Advance(TimeSpan.FromMilliseconds(10));
            progress.Report(2);
            time.Advance(TimeSpan.FromMilliseconds(200));
            progress.Report(2);
            progress.Report(3);
        }

        // The report of 2 after 10 ms is skipped, the final count is always drawn, and the
        // line is blanked at the end.
        Assert.Equal(
            "\r[#######-------------] done 1/3"
            + "\r[#############-------] done 2/3"
            + "\r[####################] done 3/3"
            + "\r" + new string(' ', 31) + "\r",
            error.ToString());
    }

    [Fact]
    public void NotTerminal_WritesNothing()
    {
        using var error = new StringWriter();

        using (var progress = Create(error, terminal: false, new ManualTime()))
        {
            progress.Report(1);
            progress.Report(3);
        }

        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public async Task Evaluate_ProgressOnlyOnStandardError()
    {
        using var directory = new TempDirectory();
        var data = Path.Combine(directory.Path, "set");
        await CliRunner.RunAsync("generate", "--out", data, "--seed", "4", "--cases", "2", "--dims", "4,3,3");

        var run = await CliRunner.RunAsync(["evaluate", data, "--format", "json"], null, TestContext.Current.CancellationToken, isErrorTerminal: true);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("{", run.Out);
        Assert.DoesNotContain("Evaluating", run.Out);
        Assert.StartsWith("\r[", run.Error);
        Assert.Contains("[####################] Evaluating: 2/2 cases", run.Error);
    }

    /// <summary>A clock that moves only when a test advances it, so redraw throttling is tested without sleeping.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
