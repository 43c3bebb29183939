namespace Rca.Detectors.Evaluation;

/// <summary>
/// Settings of an <see cref="Evaluator"/> run.
/// </summary>
public sealed record EvaluationOptions
{
    /// <summary>The external-root-cause threshold used when no better one is known.</summary>
    public const double DefaultExternalThreshold = 0.8;

    /// <summary>The number of cases evaluated at the same time; at least 1.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// Computes the external-root-cause threshold of one folder from the finite minGps values of
    /// its cases (cases with no root-cause set are left out). A case is flagged external when
    /// it has no root-cause set or its minGps is below the threshold. The default returns
    /// <see cref="DefaultExternalThreshold"/>.
    /// </summary>
    public Func<IReadOnlyList<double>, double> ExternalThreshold { get; init; } = _ => DefaultExternalThreshold;
}
