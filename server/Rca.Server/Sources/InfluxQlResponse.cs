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

/// <summary>The rows of one tag combination. With <c>epoch=ms</c> the time column is a number, so every cell reads as a double.</summary>
internal sealed class InfluxQlSeries
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("tags")]
    public Dictionary<string, string>? Tags { get; set; }

    [JsonPropertyName("columns")]
    public string[]? Columns { get; set; }

    [JsonPropertyName("values")]
    public double?[][]? Values { get; set; }

    [JsonPropertyName("partial")]
    public bool Partial { get; set; }
}

[JsonSerializable(typeof(InfluxQlResponse))]
internal sealed partial class InfluxQlJsonContext : JsonSerializerContext;
