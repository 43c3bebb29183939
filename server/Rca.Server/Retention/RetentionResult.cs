namespace Rca.Server.Retention;

/// <summary>The rows one retention run deleted.</summary>
/// <param name="Checks">KPI check rows.</param>
/// <param name="Incidents">Resolved incidents.</param>
/// <param name="RootCauseSets">Root-cause sets of those incidents.</param>
/// <param name="CalibrationChecks">Calibration checks, with their field and segment rows not counted.</param>
internal sealed record RetentionResult(int Checks, int Incidents, int RootCauseSets, int CalibrationChecks);
