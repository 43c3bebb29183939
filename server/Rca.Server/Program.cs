using Hangfire;
using Rca.Server.Api;
using Rca.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRcaServer(builder.Configuration, builder.Environment.ContentRootPath);

// NOTE: the KPI sources and the PSqueeze localizer are merged in separately. Until then no
// IKpiSource or keyed IRootCauseLocalizer is registered here, and every check is recorded as
// failed with "No KPI source is registered ...". The merge adds:
//   builder.Services.AddKpiSources(builder.Configuration);
//   builder.Services.AddKeyedSingleton<IRootCauseLocalizer, PSqueezeLocalizer>("psqueeze");

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi();
app.MapHealthApi();
app.MapIncidentsApi();
app.MapKpisApi();

// Local requests only (Hangfire's default authorization) until the API key lands.
app.MapHangfireDashboard("/hangfire");

app.Run();
