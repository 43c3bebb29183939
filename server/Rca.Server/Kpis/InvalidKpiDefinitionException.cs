namespace Rca.Server.Kpis;

/// <summary>
/// The error raised when a KPI definition or seed file is invalid; its message lists every problem.
/// </summary>
internal sealed class InvalidKpiDefinitionException(IReadOnlyList<string> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
