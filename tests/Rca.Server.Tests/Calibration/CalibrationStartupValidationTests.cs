using Microsoft.Extensions.Options;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Calibration;

[Collection(HostCollection.Name)]
public sealed class CalibrationStartupValidationTests
{
    [Fact]
    public void Start_InvalidModel_FailsNamingSetting()
    {
        using var factory = new CalibrationFactory(new Dictionary<string, string?>
        {
            ["Calibration:Models:ctr:Measurement"] = "m",
            ["Calibration:Models:ctr:Model"] = "v1",
            ["Calibration:Models:ctr:Fields:0"] = "site",
            ["Calibration:Models:ctr:Database"] = "ads",
            ["Calibration:Models:ctr:Window"] = "an hour",
        });

        var error = Assert.Throws<OptionsValidationException>(() => factory.Services);

        Assert.Contains("Calibration:Models:ctr:Window is 'an hour'.", error.Message);
    }
}
