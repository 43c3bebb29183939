using System.Text;
using Rca.Detectors.Calibration;
using Rca.Detectors.Data;
using Rca.Detectors.Synthetic.Calibration;
using Rca.Detectors.Tests.Data;

namespace Rca.Detectors.Tests.Calibration;

public sealed class CalibrationCsvTests
{
    private const string Header = "window_start,model,site,bucket,impressions,labels,pred_sum,pred_sq_sum\n";
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static IReadOnlyList<CalibrationWindow> ReadAggregates(string text) =>
        CalibrationCsvReader.ReadAggregates(new MemoryStream(Encoding.UTF8.GetBytes(text)), "upload.csv", Hour);

    private static RawPredictionSet ReadRaw(string text) =>
        CalibrationCsvReader.ReadRawPredictions(new MemoryStream(Encoding.UTF8.GetBytes(text)), "raw.csv");

    [Fact]
    public void Aggregates_RoundTrip()
    {
        var generator = new CalibrationStreamGenerator(
            new CalibrationStreamOptions { WindowCount = 2, MeanImpressionsPerWindow = 50_000 }, new Random(7));
        var stream = generator.Generate([]);
        using var writer = new StringWriter();

        CalibrationCsvWriter.WriteAggregates(stream.Windows, writer);
        var read = ReadAggregates(writer.ToString());

        Assert.StartsWith("window_start,model,site,ad_category,device,region,impressions,labels,pred_sum,pred_sq_sum\n2026-01-01T00:00:00Z,ctr_model_v1,site_0,", writer.ToString());
        Assert.Equal(2, read.Count);
        Assert.Equal(stream.Windows[1].Start, read[1].Start);
        Assert.Equal(stream.Windows[0].Rows.Count, read[0].Rows.Count);
        Assert.Equal(stream.Windows[0].Rows[5], read[0].Rows[5] with { FieldValues = stream.Windows[0].Rows[5].FieldValues });
        Assert.Equal(stream.Windows[0].Rows[5].FieldValues, read[0].Rows[5].FieldValues);
        Assert.Equal(stream.Windows[1].Totals(), read[1].Totals());
    }

    [Fact]
    public void Aggregates_GroupByModelAndStart()
    {
        var windows = ReadAggregates(
            Header
            + "2026-01-01T01:00:00Z,m1,a,0,10,1,1.5,0.3\n"
            + "1767225600,m1,a,0,10,2,1.5,0.3\n"
            + "2026-01-01T00:00:00Z,m0,\"x, y\",1,5,0,0.5,0.1\n");

        Assert.Equal(["m0", "m1", "m1"], windows.Select(window => window.Model));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), windows[1].Start);
        Assert.Equal(2, windows[1].Rows[0].Labels);
        Assert.Equal("x, y", windows[0].Rows[0].FieldValues[0]);
        Assert.Equal(1, windows[0].Rows[0].Bucket);
        Assert.Equal(Hour, windows[0].Length);
    }

    [Theory]
    [InlineData("window_start,model,site,impressions,labels\n2026-01-01T00:00:00Z,m,a,1,1\n", 1, null, "missing column 'pred_sum'")]
    [InlineData("window_start,model,site,site,impressions,labels,pred_sum\n", 1, 4, "duplicate column 'site'")]
    [InlineData("window_start,model,impressions,labels,pred_sum\n2026-01-01T00:00:00Z,m,1,1,1\n", 1, null, "no field columns. Expected at least one field column besides window_start, model, impressions, labels, pred_sum")]
    [InlineData(Header + "2026-01-01T00:00:00Z,m,a,0,ten,1,1,0.1\n", 2, 5, "'ten' in column 'impressions' is not a number")]
    [InlineData(Header + "2026-01-01T00:00:00Z,m,a,0,10,-1,1,0.1\n", 2, 6, "negative value '-1' in column 'labels'")]
    [InlineData(Header + "2026-01-01T00:00:00Z,m,a,0,10,NaN,1,0.1\n", 2, 6, "value 'NaN' in column 'labels' is not finite")]
    [InlineData(Header + "2026-01-01T00:00:00Z,m,a,0,10,11,1,0.1\n", 2, 6, "labels = 11 is above impressions = 10")]
    [InlineData(Header + "2026-01-01T00:00:00Z,m,a,0,10,1,12,0.1\n", 2, 7, "pred_sum = 12 is above impressions = 10")]
    [InlineData(Header + "2026-01-01T00:00:00Z,m,a,0,10,1,1,2\n", 2, 8, "pred_sq_sum = 2 is above pred_sum = 1")]
    [InlineData(Header + "2026-01-01T00:00:00Z,m,a,-1,10,1,1,0.1\n", 2, 4, "'-1' in column 'bucket' is not a bucket index")]
    [InlineData(Header + "yesterday,m,a,0,10,1,1,0.1\n", 2, 1, "'yesterday' in column 'window_start' is not a time")]
    [InlineData(Header + "2026-01-01T00:00:00Z,,a,0,10,1,1,0.1\n", 2, 2, "empty value in column 'model'")]
    [InlineData(Header + "2026-01-01T00:00:00Z,m,a,0,10,1,1\n", 2, null, "7 fields, expected 8 as in the header")]
    [InlineData(Header + "2026-01-01T00:00:00Z,m,a,0,10,1,1,0.1\n2026-01-01T00:00:00Z,m,a,0,10,1,1,0.1\n", 3, null, "repeats line 2")]
    [InlineData(Header, null, null, "the file has a header but no rows")]
    public void Aggregates_RejectInvalid(string text, int? line, int? column, string problem)
    {
        var error = Assert.Throws<InvalidDataFileException>(() => ReadAggregates(text));

        Assert.Equal("upload.csv", error.Path);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void Raw_RoundTrip()
    {
        var set = new RawPredictionSet(["site", "device"], [new(0.125, 1, ["a", "m"]), new(1e-05, 0, ["b", "d"])]);
        using var writer = new StringWriter();

        CalibrationCsvWriter.WriteRawPredictions(set, writer);
        var read = ReadRaw(writer.ToString());

        Assert.Equal("prediction,label,site,device\n0.125,1,a,m\n1e-05,0,b,d\n", writer.ToString());
        Assert.Equal(set.Predictions(), read.Predictions());
        Assert.Equal(set.Labels(), read.Labels());
        Assert.Equal(["b", "d"], read.Rows[1].FieldValues);
    }

    [Theory]
    [InlineData("label,site\n1,a\n", 1, null, "missing column 'prediction'")]
    [InlineData("prediction,label,site\n1.5,1,a\n", 2, 1, "prediction '1.5' is outside [0, 1]")]
    [InlineData("prediction,label,site\n-0.1,1,a\n", 2, 1, "prediction '-0.1' is outside [0, 1]")]
    [InlineData("prediction,label,site\nNaN,1,a\n", 2, 1, "prediction 'NaN' is not finite")]
    [InlineData("prediction,label,site\nhigh,1,a\n", 2, 1, "'high' in column 'prediction' is not a number")]
    [InlineData("prediction,label,site\n0.5,2,a\n", 2, 2, "'2' in column 'label' is not a label. Expected 0 or 1")]
    public void Raw_RejectInvalid(string text, int? line, int? column, string problem)
    {
        var error = Assert.Throws<InvalidDataFileException>(() => ReadRaw(text));

        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void Aggregates_ReadFromFile()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("checks.csv", Header + "2026-01-01T00:00:00Z,m,a,0,10,1,1,0.1\n2026-01-01T00:00:00Z,m,a,0,10,11,1,0.1\n");

        var error = Assert.Throws<InvalidDataFileException>(() => CalibrationCsvReader.ReadAggregates(path, Hour));

        Assert.Equal($"{path}:3:6: labels = 11 is above impressions = 10. Expected labels ≤ impressions", error.Message);
    }
}
