using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Rca.Contracts.Calibration;
using Rca.Detectors.Calibration;
using Rca.Detectors.Data;
using Rca.Server.Resources;

namespace Rca.Server.Calibration;

/// <summary>
/// <c>POST /api/v1/calibration/check</c>: reads one CSV file from a multipart form and checks its
/// calibration with <see cref="CalibrationFileCheck"/>. Every invalid request gets a problem response
/// whose detail names what to change, and nothing is stored.
/// </summary>
internal static class CalibrationUpload
{
    public const string FilePart = "file";

    /// <param name="request">The multipart request; the file is the part named <c>file</c>, or the only file part.</param>
    /// <param name="format"><c>aggregate</c> or <c>raw</c>; detected from the header when absent.</param>
    /// <param name="fields">Comma-separated fields to check, a subset of the file's field columns; all when absent.</param>
    public static async Task<Results<Ok<CalibrationFileResult>, ProblemHttpResult>> CheckAsync(
        HttpRequest request,
        IOptionsMonitor<CalibrationOptions> options,
        IStringLocalizer<ProblemTitles> titles,
        CancellationToken cancellationToken,
        string? format = null,
        string? fields = null)
    {
        ProblemHttpResult BadRequest(string detail) =>
            TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: titles["InvalidCalibrationUpload"]);

        var maxBytes = options.CurrentValue.MaxUploadBytes;
        ProblemHttpResult TooLarge() => TypedResults.Problem(
            $"The upload exceeds the limit of {maxBytes.ToString(CultureInfo.InvariantCulture)} bytes (Calibration:MaxUploadBytes). Upload a smaller file, for example aggregates instead of raw predictions.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: titles["CalibrationUploadTooLarge"]);

        if (!TryParseFormat(format, out var fileFormat))
        {
            return BadRequest($"'format' must be aggregate or raw, got '{format}'. Leave it out to detect the format from the header.");
        }

        string[]? fieldList = null;
        if (!string.IsNullOrWhiteSpace(fields))
        {
            fieldList = fields.Split(',', StringSplitOptions.TrimEntries);
            if (Array.Exists(fieldList, string.IsNullOrEmpty))
            {
                return BadRequest($"'fields' must be comma-separated field names without empty entries, got '{fields}'.");
            }
        }

        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return BadRequest($"Expected a multipart/form-data request with the CSV file in a part named '{FilePart}', got content type '{request.ContentType}'.");
        }

        // The body contains the file plus multipart headers, so allow a little more than the file limit.
        if (request.ContentLength > maxBytes + (64 * 1024))
        {
            return TooLarge();
        }

        IFormCollection form;
        try
        {
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = maxBytes }));
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException error) when (error.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return TooLarge();
        }
        catch (InvalidDataException error)
        {
            return BadRequest($"The multipart body is malformed: {error.Message}");
        }

        var file = form.Files.GetFile(FilePart) ?? (form.Files.Count == 1 ? form.Files[0] : null);
        if (file is null)
        {
            return BadRequest($"The form has {form.Files.Count} file parts and none named '{FilePart}'. Send the CSV file in a part named '{FilePart}'.");
        }

        if (file.Length > maxBytes)
        {
            return TooLarge();
        }

        var displayName = string.IsNullOrWhiteSpace(file.FileName) ? "upload.csv" : Path.GetFileName(file.FileName);
        var checkOptions = new CalibrationFileCheckOptions { Format = fileFormat, Fields = fieldList };
        try
        {
            await using var stream = file.OpenReadStream();
            var report = CalibrationFileCheck.CheckStream(stream, displayName, checkOptions, cancellationToken);
            return TypedResults.Ok(report.ToResult());
        }
        catch (InvalidDataFileException error)
        {
            var extensions = new Dictionary<string, object?> { ["file"] = error.Path, ["line"] = error.Line, ["column"] = error.Column };
            return TypedResults.Problem(error.Message, statusCode: StatusCodes.Status400BadRequest, title: titles["InvalidCalibrationFile"], extensions: extensions);
        }
    }

    private static bool TryParseFormat(string? text, out CalibrationFileFormat? format)
    {
        format = null;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "":
                return true;
            case "aggregate":
                format = CalibrationFileFormat.Aggregate;
                return true;
            case "raw":
                format = CalibrationFileFormat.Raw;
                return true;
            default:
                return false;
        }
    }
}
