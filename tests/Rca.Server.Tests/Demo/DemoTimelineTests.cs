using Microsoft.Extensions.Logging.Abstractions;
using Rca.Server.Demo;

namespace Rca.Server.Tests.Demo;

public sealed class DemoTimelineTests : IDisposable
{
    private static readonly DateTimeOffset First = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("rca-demo-timeline-");

    [Fact]
    public void Anchor_RestartKeepsFirstTime()
    {
        var first = DemoTimeline.Anchor(_directory.FullName, First, NullLogger.Instance);
        var restart = DemoTimeline.Anchor(_directory.FullName, First.AddMinutes(25), NullLogger.Instance);

        Assert.Equal(First, first);
        Assert.Equal(First, restart);
        Assert.Equal("2026-12-04T10:00:00.0000000+00:00", File.ReadAllText(Path.Combine(_directory.FullName, DemoTimeline.FileName)));
    }

    [Fact]
    public void Anchor_UnreadableFileStartsNewTimeline()
    {
        File.WriteAllText(Path.Combine(_directory.FullName, DemoTimeline.FileName), "yesterday");

        var anchor = DemoTimeline.Anchor(_directory.FullName, First, NullLogger.Instance);

        Assert.Equal(First, anchor);
        Assert.Equal(First, DemoTimeline.Anchor(_directory.FullName, First.AddHours(1), NullLogger.Instance));
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
