namespace Rca.Server.Incidents;

/// <summary>
/// The incident statuses and the allowed transitions: acknowledge an open incident, resolve an
/// open or acknowledged one, reopen a resolved one.
/// </summary>
internal static class IncidentStatus
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";

    public static readonly IReadOnlyList<string> All = [Open, Acknowledged, Resolved];

    /// <summary>Returns the statuses a transition to <paramref name="target"/> may start from.</summary>
    public static IReadOnlyList<string> AllowedSources(string target) => target switch
    {
        Acknowledged => [Open],
        Resolved => [Open, Acknowledged],
        Open => [Resolved],
        _ => [],
    };
}
