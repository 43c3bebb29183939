using Rca.Server.Sources;

namespace Rca.Server.Tests.Sources;

public sealed class KpiWindowGridTests
{
    private static readonly DateTimeOffset From = DateTimeOffset.FromUnixTimeMilliseconds(1_699_999_980_000);

    [Fact]
    public void Create_PartialLastWindow_IsIncluded()
    {
        var grid = KpiWindowGrid.Create(TimeSpan.FromMinutes(1), From, From.AddSeconds(150));

        Assert.Equal(3, grid.Count);
        Assert.Equal(1_699_999_980_000 + 180_000, grid.EndMs);
        Assert.Equal(0, grid.OffsetMs);
    }

    [Fact]
    public void IndexOf_OffGridTime_IsMinusOne()
    {
        var grid = KpiWindowGrid.Create(TimeSpan.FromMinutes(1), From, From.AddMinutes(2));

        Assert.Equal(1, grid.IndexOf(1_699_999_980_000 + 60_000));
        Assert.Equal(-1, grid.IndexOf(1_699_999_980_000 + 30_000));
        Assert.Equal(-1, grid.IndexOf(1_699_999_980_000 + 120_000));
        Assert.Equal(-1, grid.IndexOf(1_699_999_980_000 - 60_000));
    }

    [Fact]
    public void WindowStarts_StepByInterval()
    {
        var grid = KpiWindowGrid.Create(TimeSpan.FromMinutes(5), From, From.AddMinutes(10));

        Assert.Equal([From, From.AddMinutes(5)], grid.WindowStarts());
    }

    [Fact]
    public void Create_SubMillisecondInterval_Throws()
    {
        Assert.Throws<ArgumentException>(() => KpiWindowGrid.Create(TimeSpan.FromTicks(15_000), From, From.AddMinutes(1)));
    }

    [Fact]
    public void Create_EmptyRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => KpiWindowGrid.Create(TimeSpan.FromMinutes(1), From, From));
    }
}
