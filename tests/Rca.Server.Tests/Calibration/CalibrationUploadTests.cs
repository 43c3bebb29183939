using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rca.Contracts.Calibration;
using Rca.Detectors.Calibration;
using Rca.Detectors.Synthetic.Calibration;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.Calibration;

/// <summary><c>POST /api/v1/calibration/check</c>: both formats, and a corpus of bad uploads.</summary>
[Collection(HostCollection.Name)]
public sealed class CalibrationUploadTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static CalibrationFactory CreateFactory(long? maxBytes = null) =>
        new(maxBytes is null ? [] : new Dictionary<string, string?> { ["Calibration:MaxUploadBytes"] = maxBytes.Value.ToString(CultureInfo.InvariantCulture) });

    /// <summary>Four hourly windows in which site_1 over-predicts by 1.3 throughout.</summary>
    private static string AggregateCsv()
    {
        var stream = new CalibrationStreamGenerator(
            new CalibrationStreamOptions { Fields = [new("site", 5), new("device", 3)], WindowCount = 4, MeanImpressionsPerWindow = 500_000 },
            new Random(11))
            .Generate([new CalibrationDrift(Rca.Detectors.Data.AttributeCombination.Parse("site=site_1"), 1.3, 0)]);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        CalibrationCsvWriter.WriteAggregates(stream.Windows, writer);
        return writer.ToString();
    }

    /// <summary>30 000 impressions over sites a, b, c; the model over-predicts site c by 1.5.</summary>
    private static string RawCsv()
    {
        var random = new Random(5);
        var csv = new StringBuilder("prediction,label,site,device\n");
        string[] sites = ["a", "b", "c"];
        for (var i = 0; i < 30_000; i++)
        {
            var site = sites[i % 3];
            var rate = 0.02 + (0.1 * random.NextDouble());
            var prediction = site == "c" ? rate * 1.5 : rate;
            var label = random.NextDouble() < rate ? 1 : 0;
            csv.Append(prediction.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(label)
                .Append(',').Append(site).Append(',').Append(i % 2 == 0 ? "mobile" : "desktop").Append('\n');
        }

        return csv.ToString();
    }

    private static MultipartFormDataContent Form(string csv, string fileName = "upload.csv") => Form(Encoding.UTF8.GetBytes(csv), fileName);

    private static MultipartFormDataContent Form(byte[] bytes, string fileName = "upload.csv")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    // The upload is a POST, so it needs a key with the write scope.
    private static HttpClient CreateClientWithKey(CalibrationFactory factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ServerFactory.BootstrapKey);
        return client;
    }

    [Fact]
    public async Task Upload_Aggregate_ReturnsMetricsAndSegment()
    {
        using var factory = CreateFactory();
        using var client = CreateClientWithKey(factory);

        using var response = await client.PostAsync("/api/v1/calibration/check", Form(AggregateCsv()), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<CalibrationFileResult>(Token))!;
        Assert.Equal("aggregate", result.Format);
        Assert.Equal("ctr_model_v1", result.Model);
        Assert.Equal(4, result.WindowCount);
        Assert.Equal(60, result.RowCount);
        Assert.Equal(["site", "device"], result.Fields.Select(f => f.Field));
        Assert.True(result.CalibrationRatio > 1.01, $"ratio {result.CalibrationRatio}");
        Assert.Null(result.LogLoss);
        Assert.Null(result.BucketEce);
        Assert.True(result.DriftLike);
        var segment = Assert.Single(result.Segments);
        Assert.Equal("site=site_1", segment.Segment);
        Assert.InRange(segment.CalibrationRatio!.Value, 1.25, 1.35);
        Assert.True(segment.Z < -4);
    }

    [Fact]
    public async Task Upload_Raw_ReturnsScoresBucketsAndSegment()
    {
        using var factory = CreateFactory();
        using var client = CreateClientWithKey(factory);

        using var response = await client.PostAsync("/api/v1/calibration/check?fields=site", Form(RawCsv(), "preds.csv"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<CalibrationFileResult>(Token))!;
        Assert.Equal("raw", result.Format);
        Assert.Null(result.Model);
        Assert.Equal(30_000, result.RowCount);
        Assert.Equal(30_000, result.Impressions);
        Assert.Equal(["site"], result.Fields.Select(f => f.Field));
        Assert.InRange(result.LogLoss!.Value, 0.1, 0.5);
        Assert.InRange(result.BrierScore!.Value, 0.03, 0.1);
        Assert.InRange(result.Auc!.Value, 0.5, 0.8);
        Assert.NotNull(result.BucketEce);
        Assert.Equal(result.Impressions, result.Reliability.Sum(p => p.Impressions));
        var segment = Assert.Single(result.Segments);
        Assert.Equal("site=c", segment.Segment);
        Assert.InRange(segment.CorrectionFactor!.Value, 0.6, 0.73);
    }

    [Fact]
    public async Task Upload_CalibratedFile_NotDriftLike()
    {
        using var factory = CreateFactory();
        using var client = CreateClientWithKey(factory);
        var csv = "prediction,label,site\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"0.5,{i / 4 % 2},s{i % 4}\n"));

        using var response = await client.PostAsync("/api/v1/calibration/check?format=raw", Form(csv), Token);

        var result = (await response.Content.ReadFromJsonAsync<CalibrationFileResult>(Token))!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1.0, result.CalibrationRatio);
        Assert.False(result.DriftLike);
        Assert.Empty(result.Segments);
        Assert.Equal(0.5, result.Auc);
    }

    public static TheoryData<string, string, string, string> BadFiles() => new()
    {
        { "header only", "", "prediction,label,site\n", "upload.csv: the file has a header but no rows. Expected at least one data row" },
        { "empty", "", "", "upload.csv: the file is empty. Expected a header line" },
        { "unknown layout", "", "a,b,c\n1,2,3\n", "upload.csv:1: the header has neither prediction and label columns (raw predictions) nor a pred_sum column (aggregates). Expected one of the two calibration layouts" },
        { "prediction above 1", "", "prediction,label,site\n0.2,0,a\n1.5,1,a\n", "upload.csv:3:1: prediction '1.5' is outside [0, 1]. Expected a probability" },
        { "label 2", "", "prediction,label,site\n0.2,2,a\n", "upload.csv:2:2: '2' in column 'label' is not a label. Expected 0 or 1" },
        { "short row", "", "prediction,label,site\n0.2,1\n", "upload.csv:2: 2 fields, expected 3 as in the header" },
        { "labels above impressions", "", "window_start,model,site,impressions,labels,pred_sum\n2026-01-01T00:00:00Z,m,a,10,11,1\n", "upload.csv:2:5: labels = 11 is above impressions = 10. Expected labels ≤ impressions" },
        { "bad time", "", "window_start,model,site,impressions,labels,pred_sum\nyesterday,m,a,10,1,1\n", "upload.csv:2:1: 'yesterday' in column 'window_start' is not a time." },
        { "two models", "", "window_start,model,site,impressions,labels,pred_sum\n2026-01-01T00:00:00Z,m1,a,10,1,1\n2026-01-01T00:00:00Z,m2,a,10,1,1\n", "upload.csv: the file has rows of 2 models (m1, m2). Expected the rows of one model" },
        { "forced wrong format", "?format=aggregate", "prediction,label,site\n0.2,0,a\n", "upload.csv:1: missing column" },
        { "unknown field", "?fields=site,region", "prediction,label,site\n0.2,0,a\n", "upload.csv: the file has no field column 'region'. Expected fields among: site" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Upload_BadFile_400NamingPosition(string @case, string query, string csv, string detail)
    {
        using var factory = CreateFactory();
        using var client = CreateClientWithKey(factory);

        using var response = await client.PostAsync("/api/v1/calibration/check" + query, Form(csv), Token);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, @case);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>(Token))!;
        Assert.Equal("Invalid calibration file", problem.Title);
        Assert.StartsWith(detail, problem.Detail);
        Assert.Equal(0, await factory.QueryAsync(db => db.CalibrationChecks.CountAsync(Token)));
    }

    public static TheoryData<string, string> BadRequests() => new()
    {
        { "?format=json", "'format' must be aggregate or raw, got 'json'. Leave it out to detect the format from the header." },
        { "?fields=site,,device", "'fields' must be comma-separated field names without empty entries, got 'site,,device'." },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Upload_BadParameter_400(string query, string detail)
    {
        using var factory = CreateFactory();
        using var client = CreateClientWithKey(factory);

        using var response = await client.PostAsync("/api/v1/calibration/check" + query, Form("prediction,label,site\n0.2,0,a\n"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>(Token))!;
        Assert.Equal("Invalid calibration upload", problem.Title);
        Assert.Equal(detail, problem.Detail);
    }

    [Fact]
    public async Task Upload_NotMultipart_415()
    {
        using var factory = CreateFactory();
        using var client = CreateClientWithKey(factory);

        using var response = await client.PostAsync("/api/v1/calibration/check", new StringContent("prediction,label,site\n0.2,0,a\n", Encoding.UTF8, "text/csv"), Token);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Upload_NotUtf8_400NamingLine()
    {
        using var factory = CreateFactory();
        using var client = CreateClientWithKey(factory);
        byte[] bytes = [.. "prediction,label,site\n0.2,0,"u8, 0xFF, (byte)'\n'];

        using var response = await client.PostAsync("/api/v1/calibration/check", Form(bytes), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>(Token))!;
        Assert.StartsWith("upload.csv:2: the file is not valid UTF-8 (invalid byte 0xFF", problem.Detail);
    }

    [Fact]
    public async Task Upload_AboveLimit_413()
    {
        using var factory = CreateFactory(maxBytes: 1000);
        using var client = CreateClientWithKey(factory);

        using var response = await client.PostAsync("/api/v1/calibration/check", Form(RawCsv()), Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>(Token))!;
        Assert.Equal("Calibration upload too large", problem.Title);
        Assert.StartsWith("The upload exceeds the limit of 1000 bytes (Calibration:MaxUploadBytes).", problem.Detail);
    }
}
