using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Rca.Cli.Resources;
using Rca.Detectors.Data;
using Rca.Detectors.Localization;

namespace Rca.Cli;

/// <summary>The output of <c>rca localize</c> for one case, as a text table or as JSON.</summary>
internal sealed class LocalizeReport(string path, string algorithm, LeafTable table, LocalizationResult result)
{
    /// <summary>
    /// A single case has no history of minimum GPS values to learn a threshold from, so the
    /// external flag uses the classifier's default.
    /// </summary>
    private const double ExternalThreshold = ExternalRootCauseClassifier.DefaultThreshold;

    public void WriteText(TextWriter writer)
    {
        var measure = table.Kind == MeasureKind.Derived ? Messages.MeasureDerived : Messages.MeasureFundamental;
        writer.WriteLine(Format(Messages.LocalizeTitle, path, LocalizationAlgorithm.DisplayName(algorithm), measure));
        if (result.RootCauseSets.Count == 0)
        {
            writer.WriteLine(Messages.NoRootCause);
        }
        else
        {
            var table = new TextTable(
                [
                    Messages.HeaderNumber, Messages.HeaderRootCause, Messages.HeaderLayer, Messages.HeaderGps,
                    Messages.HeaderExplanatoryPower, Messages.HeaderActual, Messages.HeaderForecast,
                    Messages.HeaderImpact, Messages.HeaderClusterLeaves,
                ],
                [true, false, true, true, true, true, true, true, true]);
            for (var i = 0; i < result.RootCauseSets.Count; i++)
            {
                var set = result.RootCauseSets[i];
                table.AddRow(
                    NumberText.Count(i + 1),
                    set.ToString(),
                    NumberText.Count(set.Layer),
                    NumberText.Score(set.Gps),
                    NumberText.Score(set.ExplanatoryPower),
                    NumberText.Measure(set.Actual),
                    NumberText.Measure(set.Forecast),
                    NumberText.Measure(set.Impact),
                    NumberText.Count(set.ClusterLeafCount));
            }

            table.Write(writer);
        }

        writer.WriteLine();
        writer.WriteLine(Format(
            Messages.LeafCounts,
            NumberText.Count(result.ValidLeafCount),
            NumberText.Count(result.FilteredLeafCount),
            NumberText.Count(result.ClusterCount)));
        var external = ExternalRootCauseClassifier.IsExternal(result, ExternalThreshold);
        writer.WriteLine(Format(
            Messages.ExternalSummary,
            NumberText.Score(result.MinGps),
            NumberText.Score(ExternalThreshold),
            external ? Messages.Yes : Messages.No));
        var timings = result.Timings;
        writer.WriteLine(Format(
            Messages.LocalizeTimings,
            NumberText.Seconds(timings.Filter.TotalSeconds),
            NumberText.Seconds(timings.Clustering.TotalSeconds),
            NumberText.Seconds(timings.Search.TotalSeconds),
            NumberText.Seconds(timings.Total.TotalSeconds)));
    }

    /// <summary>Writes one indented JSON object with snake_case keys. Non-finite numbers are written as null.</summary>
    public void WriteJson(TextWriter writer)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("file", path);
            json.WriteString("algorithm", algorithm);
            json.WriteString("measure", table.Kind == MeasureKind.Derived ? "derived" : "fundamental");
            json.WriteNumber("leaf_count", table.LeafCount);
            json.WriteNumber("valid_leaf_count", result.ValidLeafCount);
            json.WriteNumber("filtered_leaf_count", result.FilteredLeafCount);
            json.WriteNumber("cluster_count", result.ClusterCount);
            WriteNumber(json, "min_gps", result.MinGps);
            json.WriteBoolean("external", ExternalRootCauseClassifier.IsExternal(result, ExternalThreshold));
            json.WriteNumber("external_threshold", ExternalThreshold);
            json.WriteString("root_cause", result.FormatRootCause());
            json.WriteStartArray("root_cause_sets");
            foreach (var set in result.RootCauseSets)
            {
                WriteSet(json, set);
            }

            json.WriteEndArray();
            json.WriteStartArray("clusters");
            foreach (var cluster in result.Histogram.Clusters)
            {
                json.WriteStartObject();
                WriteNumber(json, "min", cluster.Min);
                WriteNumber(json, "max", cluster.Max);
                WriteNumber(json, "mean_deviation", cluster.MeanDeviation);
                json.WriteNumber("leaf_count", cluster.LeafCount);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("timings");
            json.WriteNumber("filter_seconds", result.Timings.Filter.TotalSeconds);
            json.WriteNumber("clustering_seconds", result.Timings.Clustering.TotalSeconds);
            json.WriteNumber("search_seconds", result.Timings.Search.TotalSeconds);
            json.WriteNumber("total_seconds", result.Timings.Total.TotalSeconds);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        writer.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WriteSet(Utf8JsonWriter json, RootCauseSet set)
    {
        json.WriteStartObject();
        json.WriteString("root_cause", set.ToString());
        json.WriteStartArray("combinations");
        foreach (var combination in set.Combinations)
        {
            json.WriteStringValue(combination.ToString());
        }

        json.WriteEndArray();
        json.WriteStartArray("cuboid");
        foreach (var attribute in set.Cuboid)
        {
            json.WriteStringValue(attribute);
        }

        json.WriteEndArray();
        json.WriteNumber("layer", set.Layer);
        WriteNumber(json, "gps", set.Gps);
        WriteNumber(json, "rank", set.Rank);
        WriteNumber(json, "cluster_mean_deviation", set.ClusterMeanDeviation);
        WriteNumber(json, "explanatory_power", set.ExplanatoryPower);
        WriteNumber(json, "impact", set.Impact);
        WriteNumber(json, "actual", set.Actual);
        WriteNumber(json, "forecast", set.Forecast);
        json.WriteNumber("cluster_leaf_count", set.ClusterLeafCount);
        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Format(string template, params object[] values) =>
        string.Format(CultureInfo.InvariantCulture, template, values);
}
