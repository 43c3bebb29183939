namespace Rca.Server.Calibration;

/// <summary>
/// A model's calibration aggregates could not be read: InfluxDB was unreachable, rejected the
/// query, or returned rows that break the aggregate rules. The message names the model, the URL
/// (without credentials), the database and the cause.
/// </summary>
internal sealed class CalibrationSourceException(string message, Exception? innerException = null)
    : Exception(message, innerException);
