namespace Rca.Server.Storage;

/// <summary>The outcomes of a check, as stored.</summary>
internal static class CheckStatus
{
    public const string Ok = "ok";
    public const string Anomalous = "anomalous";
    public const string Failed = "failed";

    /// <summary>
    /// A checked window in which no leaf has a non-zero value. It is neither normal nor anomalous,
    /// because a stopped data pipeline would otherwise look like a healthy KPI.
    /// </summary>
    public const string NoData = "no_data";
}
