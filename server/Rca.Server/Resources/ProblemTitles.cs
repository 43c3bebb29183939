namespace Rca.Server.Resources;

/// <summary>
/// The marker type of <c>ProblemTitles.resx</c>: user-facing titles of API problem responses.
/// </summary>
internal sealed class ProblemTitles;
