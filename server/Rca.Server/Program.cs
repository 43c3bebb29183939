using Hangfire;
using Rca.Detectors.Localization;
using Rca.Server.Api;
using Rca.Server.Calibration;
using Rca.Server.Hosting;
using Rca.Server.Sources;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRcaServer(builder.Configuration, builder.Environment.ContentRootPath);

builder.Services.AddKpiSources(builder.Configuration);
builder.Services.AddCalibrationChecks(builder.Configuration);
builder.Services.AddKeyedSingleton<IRootCauseLocalizer>("psqueeze", new PSqueezeLocalizer());
builder.Services.AddKeyedSingleton<IRootCauseLocalizer>("squeeze", new PSqueezeLocalizer(new PSqueezeOptions { Probabilistic = false }));

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi();
app.MapHealthApi();
app.MapIncidentsApi();
app.MapKpisApi();
app.MapCalibrationApi();

// Local requests only (Hangfire's default authorization) until the API key lands.
app.MapHangfireDashboard("/hangfire");

app.Run();
