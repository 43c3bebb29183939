namespace Rca.Server.Storage;

/// <summary>The outcomes of a check, as stored.</summary>
internal static class CheckStatus
{
    public const string Ok = "ok";
    public const string Anomalous = "anomalous";
    public const string Failed = "failed";
}
