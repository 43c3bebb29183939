using System.Net;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Ui;

/// <summary>
/// Runs the built server as run.sh does (the build output, Production environment) and fetches
/// the files the dashboard's pages load. Outside Development these come from the static web
/// assets manifest, and without it they were served as empty 200 responses.
/// </summary>
public sealed class DashboardAssetsTests
{
    [Fact]
    public async Task BuildOutput_ServesDashboardFiles()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Directory.CreateTempSubdirectory("rca-assets-");
        try
        {
            await using var server = ServerProcess.Start("assets", new Dictionary<string, string>
            {
                ["Data:Directory"] = data.FullName,
                ["Hangfire:Storage"] = "inmemory",
            });
            await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), ct);
            using var http = new HttpClient { BaseAddress = server.Url };

            var page = await http.GetStringAsync("/", ct);
            Assert.Contains("_content/MudBlazor/MudBlazor.min.css", page);
            Assert.Contains("_framework/blazor.web.js", page);

            foreach (var (path, mediaType, marker) in new[]
            {
                ("/_content/MudBlazor/MudBlazor.min.css", "text/css", ".mud-"),
                ("/_content/MudBlazor/MudBlazor.min.js", "text/javascript", "function"),
                ("/_framework/blazor.web.js", "text/javascript", "Blazor"),
            })
            {
                using var response = await http.GetAsync(path, ct);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} returned {(int)response.StatusCode}.\n{server.Log()}");
                Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
                var body = await response.Content.ReadAsStringAsync(ct);
                Assert.True(body.Length > 10_000, $"GET {path} returned {body.Length} characters, expected the whole file.");
                Assert.Contains(marker, body);
            }
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
