using System.Text.Json.Serialization;

namespace Rca.Server.Sources;

/// <summary>One JSON object of a <c>/query</c> response; a chunked response is a sequence of them.</summary>
internal sealed class InfluxQlResponse
{
    [JsonPropertyName("results")]
    public List<InfluxQlResult>? Results { get; set; }

    [JsonPropertyName("error")]
    public string? Error { get; set; }
}

/// <summary>The result of one statement.</summary>
internal sealed class InfluxQlResult
{
    [JsonPropertyName("statement_id")]
    public int StatementId { get; set; }

    [JsonPropertyName("series")]
    public List<InfluxQlSeries>? Series { get; set; }

    [JsonPropertyName("error")]
    public string? Error { get; set; }

    [JsonPropertyName("partial")]
    public bool Partial { get; set; }
}

/// <summary>The rows of one series. With <c>epoch=ms</c> the time column is a number.</summary>
internal sealed class InfluxQlSeries
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("tags")]
    public Dictionary<string, string>? Tags { get; set; }

    [JsonPropertyName("columns")]
    public string[]? Columns { get; set; }

    [JsonPropertyName("values")]
    public InfluxQlRow[]? Values { get; set; }

    [JsonPropertyName("partial")]
    public bool Partial { get; set; }
}

/// <summary>
/// One row of a series. A cell is a number, a string (a tag value) or null, so each cell is kept
/// in one of two arrays by position and the other array contains null there.
/// </summary>
[JsonConverter(typeof(InfluxQlRowConverter))]
internal sealed class InfluxQlRow(double?[] numbers, string?[] texts)
{
    /// <summary>The number cells; null where the cell is a string or null.</summary>
    public double?[] Numbers { get; } = numbers;

    /// <summary>The string cells; null where the cell is a number or null.</summary>
    public string?[] Texts { get; } = texts;

    /// <summary>The number of cells.</summary>
    public int Length => Numbers.Length;
}

[JsonSerializable(typeof(InfluxQlResponse))]
internal sealed partial class InfluxQlJsonContext : JsonSerializerContext;
