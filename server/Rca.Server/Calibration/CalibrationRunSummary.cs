namespace Rca.Server.Calibration;

/// <summary>What one run of a model's calibration check wrote.</summary>
/// <param name="Inserted">Windows stored for the first time.</param>
/// <param name="Updated">Immature rows rewritten, including those that matured in this run.</param>
/// <param name="Kept">Windows whose mature check was already stored and was left as it is.</param>
/// <param name="Drifted">Mature windows newly stored as drifted, each of which was notified.</param>
internal sealed record CalibrationRunSummary(int Inserted, int Updated, int Kept, int Drifted);
