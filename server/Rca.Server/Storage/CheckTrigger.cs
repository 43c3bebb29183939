namespace Rca.Server.Storage;

/// <summary>What ran a check, as stored.</summary>
internal static class CheckTrigger
{
    public const string Schedule = "schedule";
    public const string Replay = "replay";
}
