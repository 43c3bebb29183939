namespace Rca.Server.Replay;

/// <summary>
/// The error raised for a replay range that cannot be run; the message names the parameter.
/// </summary>
internal sealed class ReplayRequestException(string parameter, string message) : Exception(message)
{
    /// <summary>The request parameter at fault: <c>from</c>, <c>to</c> or <c>name</c>.</summary>
    public string Parameter { get; } = parameter;
}
