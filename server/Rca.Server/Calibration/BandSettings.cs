using Rca.Detectors.Calibration;

namespace Rca.Server.Calibration;

/// <summary>A configured band <c>[Lower, Upper]</c> for one watched metric.</summary>
internal sealed class BandSettings
{
    public double Lower { get; set; }

    public double Upper { get; set; }

    public MetricBand ToBand() => new(Lower, Upper, Learned: false);
}
