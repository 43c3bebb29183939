using System.Text.Json;
using Rca.Contracts;
using Rca.Detectors.Data;

namespace Rca.Server.Localizations;

/// <summary>
/// Builds a leaf table from an upload: the JSON body of <see cref="LocalizeRequest"/>, or
/// Squeeze-layout CSV files in a multipart form (<c>file</c> for a sum, <c>a</c> and <c>b</c>
/// for a ratio). Every problem raises <see cref="InvalidUploadException"/> naming where it is.
/// </summary>
internal static class UploadedTableReader
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = false };

    /// <summary>Parses a JSON body; returns the request, which is either an upload or a KPI window.</summary>
    /// <exception cref="InvalidUploadException">The body is not valid JSON of that shape.</exception>
    public static async Task<LocalizeRequest> ReadJsonAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<LocalizeRequest>(body, JsonOptions, cancellationToken)
                ?? throw new InvalidUploadException("The body must be a JSON object, got null.");
        }
        catch (JsonException error)
        {
            var where = error.Path is null || error.Path == "$" ? "" : $" at '{error.Path}'";
            var position = error.LineNumber is { } line ? $" (line {line + 1}, byte {error.BytePositionInLine + 1})" : "";
            throw new InvalidUploadException($"The body is not valid JSON{where}{position}: {error.Message}");
        }
    }

    /// <summary>Builds the table of a JSON upload.</summary>
    /// <exception cref="InvalidUploadException">A field is missing or invalid.</exception>
    public static LeafTable FromJson(LocalizeRequest request, int maxLeaves)
    {
        var attributes = request.Attributes;
        if (attributes is null || attributes.Count == 0)
        {
            throw new InvalidUploadException("'attributes' must list at least one attribute name.");
        }

        for (var i = 0; i < attributes.Count; i++)
        {
            if (AttributeTextRules.CheckName(attributes[i]) is { } problem)
            {
                throw new InvalidUploadException($"'attributes[{i}]' {problem}.");
            }

            if (attributes.Take(i).Contains(attributes[i]))
            {
                throw new InvalidUploadException($"'attributes[{i}]' repeats attribute '{attributes[i]}'.");
            }
        }

        var ratio = request.Measure switch
        {
            "sum" or null => false,
            "ratio" => true,
            _ => throw new InvalidUploadException($"'measure' must be sum or ratio, got '{request.Measure}'."),
        };

        var leaves = request.Leaves;
        if (leaves is null || leaves.Count == 0)
        {
            throw new InvalidUploadException("'leaves' must contain at least one leaf.");
        }

        if (leaves.Count > maxLeaves)
        {
            throw new InvalidUploadException($"'leaves' has {leaves.Count} leaves, more than Api:MaxUploadLeaves = {maxLeaves}.", tooManyLeaves: true);
        }

        var builder = new LeafTableBuilder(attributes, ratio ? MeasureKind.Derived : MeasureKind.Fundamental);
        var values = new string[attributes.Count];
        for (var i = 0; i < leaves.Count; i++)
        {
            var leaf = leaves[i] ?? throw new InvalidUploadException($"'leaves[{i}]' must be an object, got null.");
            if (leaf.Values is null || leaf.Values.Count != attributes.Count)
            {
                throw new InvalidUploadException($"'leaves[{i}].values' must have {attributes.Count} values (one per attribute), got {leaf.Values?.Count ?? 0}.");
            }

            for (var a = 0; a < values.Length; a++)
            {
                if (AttributeTextRules.CheckValue(leaf.Values[a]) is { } problem)
                {
                    throw new InvalidUploadException($"'leaves[{i}].values[{a}]' {problem}.");
                }

                values[a] = leaf.Values[a];
            }

            var actual = Measure(leaf.Actual, $"leaves[{i}].actual");
            var forecast = Measure(leaf.Forecast, $"leaves[{i}].forecast");
            try
            {
                if (ratio)
                {
                    builder.Add(values, actual, forecast, Measure(leaf.ActualDenominator, $"leaves[{i}].actualDenominator"), Measure(leaf.ForecastDenominator, $"leaves[{i}].forecastDenominator"));
                }
                else
                {
                    if (leaf.ActualDenominator is not null || leaf.ForecastDenominator is not null)
                    {
                        throw new InvalidUploadException($"'leaves[{i}]' has denominators, but 'measure' is sum; send \"measure\": \"ratio\" for a derived measure.");
                    }

                    builder.Add(values, actual, forecast);
                }
            }
            catch (DuplicateLeafException duplicate)
            {
                throw new InvalidUploadException($"'leaves[{i}]' repeats the attribute values of 'leaves[{duplicate.ExistingLeaf}]'.");
            }
        }

        return builder.Build();
    }

    /// <summary>Builds the table of Squeeze-layout CSV files from a multipart form.</summary>
    /// <exception cref="InvalidUploadException">A file is missing, malformed, or has invalid names or values.</exception>
    public static LeafTable FromForm(IFormCollection form, int maxLeaves)
    {
        var file = form.Files.GetFile("file");
        var numerator = form.Files.GetFile("a");
        var denominator = form.Files.GetFile("b");
        var unknown = form.Files.Select(f => f.Name).FirstOrDefault(name => name is not ("file" or "a" or "b"));
        if (unknown is not null)
        {
            throw new InvalidUploadException($"Form file '{unknown}' is not expected; send 'file' (real,predict,<attributes>) or 'a' and 'b' for a ratio.");
        }

        LeafTable table;
        try
        {
            if (file is not null && numerator is null && denominator is null)
            {
                using var stream = file.OpenReadStream();
                table = SqueezeCsvReader.Read(stream, FileName(file));
            }
            else if (file is null && numerator is not null && denominator is not null)
            {
                using var a = numerator.OpenReadStream();
                using var b = denominator.OpenReadStream();
                table = SqueezeCsvReader.ReadDerived(a, FileName(numerator), b, FileName(denominator));
            }
            else
            {
                throw new InvalidUploadException(
                    "Send one form file 'file' (columns real,predict and the attributes) for a sum, or two files 'a' (numerators) and 'b' (denominators) for a ratio.");
            }
        }
        catch (InvalidDataFileException error)
        {
            throw new InvalidUploadException(error.Message, error.Path, error.Line, error.Column);
        }

        if (table.LeafCount > maxLeaves)
        {
            throw new InvalidUploadException($"The upload has {table.LeafCount} leaves, more than Api:MaxUploadLeaves = {maxLeaves}.", tooManyLeaves: true);
        }

        for (var attribute = 0; attribute < table.AttributeCount; attribute++)
        {
            if (AttributeTextRules.CheckName(table.AttributeNames[attribute]) is { } nameProblem)
            {
                throw new InvalidUploadException($"Attribute column {attribute + 1} of the header is invalid: the name {nameProblem}.", line: 1);
            }

            foreach (var value in table.GetAttributeValues(attribute))
            {
                if (AttributeTextRules.CheckValue(value) is { } valueProblem)
                {
                    throw new InvalidUploadException($"A value of attribute '{table.AttributeNames[attribute]}' is invalid: it {valueProblem}.");
                }
            }
        }

        return table;
    }

    private static double Measure(double? value, string field)
    {
        if (value is null)
        {
            throw new InvalidUploadException($"'{field}' is required.");
        }

        if (!double.IsFinite(value.Value) || value.Value < 0)
        {
            throw new InvalidUploadException($"'{field}' must be a finite number of at least 0, got {value.Value}.");
        }

        return value.Value;
    }

    private static string FileName(IFormFile file) => string.IsNullOrEmpty(file.FileName) ? file.Name : Path.GetFileName(file.FileName);
}
