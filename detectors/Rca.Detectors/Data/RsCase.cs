namespace Rca.Detectors.Data;

/// <summary>
/// One entry of an RS <c>anomaly.yaml</c> manifest: a case file, its anomaly minute and its
/// labelled root cause.
/// </summary>
/// <param name="Stem">The case file name without <c>.csv</c> (the entry's <c>data</c>).</param>
/// <param name="Timestamp">The anomaly minute in Unix seconds.</param>
/// <param name="RootCause">The labelled root-cause combinations, canonical and without repeats.</param>
/// <param name="Line">The manifest line on which the entry starts.</param>
public sealed record RsCase(string Stem, long Timestamp, IReadOnlyList<AttributeCombination> RootCause, int Line);
