namespace Rca.Server.Resources;

/// <summary>
/// The marker type of <c>ReplayCommandText.resx</c>: the output and errors of the replay command.
/// </summary>
internal sealed class ReplayCommandText;
