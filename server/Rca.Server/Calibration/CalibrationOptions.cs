namespace Rca.Server.Calibration;

/// <summary>
/// The calibration checks, bound from the <c>Calibration</c> configuration section.
/// </summary>
internal sealed class CalibrationOptions
{
    public const string Section = "Calibration";

    /// <summary>The watched models by name (<c>Calibration:Models:&lt;name&gt;</c>); names compare case-sensitively.</summary>
    public Dictionary<string, CalibrationModelOptions> Models { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The largest CSV file <c>POST /api/v1/calibration/check</c> accepts, in bytes; 32 MiB by default.</summary>
    public long MaxUploadBytes { get; set; } = 32 * 1024 * 1024;
}
