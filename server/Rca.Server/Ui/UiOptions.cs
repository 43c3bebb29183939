namespace Rca.Server.Ui;

/// <summary>
/// Options of the dashboard, bound from the <c>Ui</c> configuration section.
/// </summary>
/// <remarks>
/// With <c>Api:AnonymousRead</c> true the dashboard has no sign-in: it reads and changes data in
/// process, not through the API key check, so run it on loopback or behind a proxy that
/// authenticates users, or set <see cref="AllowChanges"/> to false. With it false, the dashboard
/// requires a sign-in with an API key, and changes also need the key's write scope (<see cref="UiAccess"/>).
/// </remarks>
internal sealed class UiOptions
{
    public const string Section = "Ui";

    /// <summary>Whether the dashboard's change controls work (default true): incident status and feedback, and KPI test, create and update.</summary>
    public bool AllowChanges { get; set; } = true;

    /// <summary>The actor recorded in an incident's history, and the feedback author, for changes made in the dashboard. A signed-in key's name is appended after ':'.</summary>
    public string Actor { get; set; } = "dashboard";
}
