using Rca.Detectors.Calibration;

namespace Rca.Server.Calibration;

/// <summary>The verdicts of a calibration check as stored and shown by the API.</summary>
internal static class CalibrationStates
{
    public const string Ok = "ok";
    public const string Drifting = "drifting";
    public const string Drifted = "drifted";
    public const string Immature = "immature";
    public const string InsufficientHistory = "insufficient_history";

    public static readonly IReadOnlyList<string> All = [Ok, Drifting, Drifted, Immature, InsufficientHistory];

    public static string Name(CalibrationState state) => state switch
    {
        CalibrationState.Ok => Ok,
        CalibrationState.Drifting => Drifting,
        CalibrationState.Drifted => Drifted,
        CalibrationState.Immature => Immature,
        CalibrationState.InsufficientHistory => InsufficientHistory,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown calibration state."),
    };
}
