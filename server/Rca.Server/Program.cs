using Rca.Server.Api;
using Rca.Server.Calibration;
using Rca.Server.Health;
using Rca.Server.Hosting;
using Rca.Server.Metrics;
using Rca.Server.Replay;
using Rca.Server.Retention;
using Rca.Server.Ui;

// The replay verb runs checks in this process and exits, without the web host or Hangfire.
if (args.Length > 0 && args[0] == ReplayCommand.Verb)
{
    return await ReplayCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

// The build output (run.sh, the tests' server processes) serves the dashboard's CSS and scripts
// through the static web assets manifest, which ASP.NET Core reads on its own only in
// Development. A published app has them in wwwroot and no manifest, so this changes nothing there.
builder.WebHost.UseStaticWebAssets();
builder.Services.AddRcaServer(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddRcaApi(builder.Configuration, builder.Environment.ContentRootPath);

builder.Services.AddCalibrationChecks(builder.Configuration);
builder.Services.AddRcaMetrics();
builder.Services.AddReadinessProbe(builder.Configuration);
builder.Services.AddRetention(builder.Configuration);
builder.Services.AddRcaUi(builder.Configuration);

var app = builder.Build();
app.UseRequestCulture();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRcaApi();
app.UseAntiforgery();

app.MapOpenApi();
app.MapHealthApi();
app.MapReadinessApi();
app.MapRcaMetrics();
app.MapIncidentsApi();
app.MapKpisApi();
app.MapCalibrationApi();
app.MapRcaApi();
app.MapRcaUi();

await app.RunAsync();
return 0;
