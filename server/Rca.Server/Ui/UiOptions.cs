namespace Rca.Server.Ui;

/// <summary>
/// Options of the dashboard, bound from the <c>Ui</c> configuration section.
/// </summary>
/// <remarks>
/// The dashboard has no login of its own: it reads and changes incidents in process, not through
/// the API key check. Run it on loopback or behind a proxy that authenticates users, or set
/// <see cref="AllowChanges"/> to false to make it read-only.
/// </remarks>
internal sealed class UiOptions
{
    public const string Section = "Ui";

    /// <summary>Whether the dashboard's acknowledge, resolve, reopen and feedback controls work (default true).</summary>
    public bool AllowChanges { get; set; } = true;

    /// <summary>The actor recorded in an incident's history, and the feedback author, for changes made in the dashboard.</summary>
    public string Actor { get; set; } = "dashboard";
}
