using System.Text;
using System.Text.Json;

namespace Rca.Detectors.Evaluation;

/// <summary>
/// The result of an evaluation run: totals over all cases, rows per folder and the outcome of
/// every case, with a JSON form for <c>rca evaluate --format json</c>.
/// </summary>
/// <param name="CaseCount">The number of cases.</param>
/// <param name="Score">The exact-match score summed over all cases (micro-averaged).</param>
/// <param name="SecondsMean">The mean localization time per case, without file reading.</param>
/// <param name="SecondsP95">The 95th percentile of the localization time per case (linear interpolation between ranks).</param>
/// <param name="ExternalScore">The external-flag score over all cases, positive = external, or null when no case has an external ground truth.</param>
/// <param name="PeakWorkingSetBytes">The peak working set of the process when the run ended (it includes anything the process did before).</param>
/// <param name="PeakManagedBytes">The largest managed heap size seen after a case finished.</param>
/// <param name="Folders">One row per folder, in order of the folder's first case.</param>
/// <param name="Cases">One row per case, in case order.</param>
public sealed record EvaluationReport(
    int CaseCount,
    MatchScore Score,
    double SecondsMean,
    double SecondsP95,
    MatchScore? ExternalScore,
    long PeakWorkingSetBytes,
    long PeakManagedBytes,
    IReadOnlyList<FolderEvaluation> Folders,
    IReadOnlyList<CaseEvaluation> Cases)
{
    /// <summary>
    /// Writes the report as one JSON object with the keys <c>cases, tp, fp, fn, precision,
    /// recall, f1, seconds_mean, seconds_p95</c> and <c>predictions</c> (each
    /// <c>{ "case", "root_cause", "external" }</c>). With <paramref name="includeDetails"/>,
    /// one more key, <c>details</c>, contains the external score, memory, folder rows and
    /// per-case scores.
    /// </summary>
    public void WriteJson(Stream stream, bool includeDetails = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,

            // Root causes read better with a literal '&'; the output is never embedded in HTML.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        writer.WriteStartObject();
        writer.WriteNumber("cases", CaseCount);
        WriteScore(writer, Score);
        writer.WriteNumber("seconds_mean", SecondsMean);
        writer.WriteNumber("seconds_p95", SecondsP95);
        writer.WriteStartArray("predictions");
        foreach (var result in Cases)
        {
            writer.WriteStartObject();
            writer.WriteString("case", result.Id);
            writer.WriteString("root_cause", result.RootCause);
            writer.WriteBoolean("external", result.External);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (includeDetails)
        {
            WriteDetails(writer);
        }

        writer.WriteEndObject();
    }

    /// <summary>Returns the JSON of <see cref="WriteJson"/> as a string.</summary>
    public string ToJson(bool includeDetails = false)
    {
        using var stream = new MemoryStream();
        WriteJson(stream, includeDetails);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private void WriteDetails(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("details");
        writer.WritePropertyName("external");
        WriteOptionalScore(writer, ExternalScore);
        writer.WriteNumber("peak_working_set_bytes", PeakWorkingSetBytes);
        writer.WriteNumber("peak_managed_bytes", PeakManagedBytes);
        writer.WriteStartArray("folders");
        foreach (var folder in Folders)
        {
            writer.WriteStartObject();
            writer.WriteString("folder", folder.Folder);
            writer.WriteNumber("cases", folder.CaseCount);
            WriteScore(writer, folder.Score);
            writer.WriteNumber("seconds_mean", folder.SecondsMean);
            writer.WriteNumber("external_threshold", folder.ExternalThreshold);
            writer.WritePropertyName("external");
            WriteOptionalScore(writer, folder.ExternalScore);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("cases");
        foreach (var result in Cases)
        {
            writer.WriteStartObject();
            writer.WriteString("case", result.Id);
            writer.WriteString("ground_truth", Data.AttributeCombination.FormatSet(result.GroundTruth));
            writer.WriteNumber("tp", result.Score.TruePositives);
            writer.WriteNumber("fp", result.Score.FalsePositives);
            writer.WriteNumber("fn", result.Score.FalseNegatives);
            writer.WriteNumber("root_cause_sets", result.RootCauseSetCount);
            WriteNumberOrNull(writer, "min_gps", result.MinGps);
            writer.WriteNumber("seconds", result.Seconds);
            writer.WriteBoolean("external_ground_truth", result.ExternalGroundTruth);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteScore(Utf8JsonWriter writer, MatchScore score)
    {
        writer.WriteNumber("tp", score.TruePositives);
        writer.WriteNumber("fp", score.FalsePositives);
        writer.WriteNumber("fn", score.FalseNegatives);
        writer.WriteNumber("precision", score.Precision);
        writer.WriteNumber("recall", score.Recall);
        writer.WriteNumber("f1", score.F1);
    }

    private static void WriteOptionalScore(Utf8JsonWriter writer, MatchScore? score)
    {
        if (score is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        WriteScore(writer, score.Value);
        writer.WriteEndObject();
    }

    // JSON has no NaN, so a missing minGps is written as null.
    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
