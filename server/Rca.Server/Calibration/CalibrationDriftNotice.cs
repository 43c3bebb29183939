namespace Rca.Server.Calibration;

/// <summary>A drifted calibration check to be sent to the model's channels.</summary>
/// <param name="Model">The configured model name.</param>
/// <param name="Channels">The model's configured notification channels.</param>
/// <param name="Check">The check about to be saved, tracked by the job's database context.</param>
internal sealed record CalibrationDriftNotice(string Model, IReadOnlyList<string> Channels, CalibrationCheckRecord Check);
