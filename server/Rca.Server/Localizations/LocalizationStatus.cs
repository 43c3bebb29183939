namespace Rca.Server.Localizations;

/// <summary>The states of a background localization, as stored.</summary>
internal static class LocalizationStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
