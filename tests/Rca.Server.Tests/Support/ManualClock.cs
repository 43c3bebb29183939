namespace Rca.Server.Tests.Support;

/// <summary>A clock whose current time the test sets; timestamps still come from the system.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
