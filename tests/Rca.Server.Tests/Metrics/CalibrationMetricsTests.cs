using Rca.Server.Calibration;
using Rca.Server.Tests.Calibration;
using Rca.Server.Tests.Infrastructure;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Metrics;

/// <summary><c>rca_calibration_checks_total</c> after a calibration run over the generated stream in a real influxd.</summary>
[Collection(HostCollection.Name)]
public sealed class CalibrationMetricsTests(InfluxDbFixture influx)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_CalibrationRun_CountsVerdicts()
    {
        var database = await CalibrationStreams.WriteAsync(influx, CalibrationStreams.Generate(), Token);
        using var factory = new CalibrationFactory(CalibrationStreams.Settings(influx, database));
        using var client = factory.CreateClient();
        factory.Clock.Now = CalibrationStreams.End.AddMinutes(31);

        await factory.RunAsync(CalibrationStreams.ModelName, Token);
        var scrape = PrometheusText.Parse(await client.GetStringAsync("/metrics", Token));

        var model = ("model", CalibrationStreams.ModelName);
        Assert.Equal(14, scrape.Value("rca_calibration_checks_total", model, ("verdict", CalibrationStates.InsufficientHistory)));
        Assert.Equal(6, scrape.Value("rca_calibration_checks_total", model, ("verdict", CalibrationStates.Ok)));
        Assert.Equal(1, scrape.Value("rca_calibration_checks_total", model, ("verdict", CalibrationStates.Drifting)));
        Assert.Equal(3, scrape.Value("rca_calibration_checks_total", model, ("verdict", CalibrationStates.Drifted)));
    }
}
