using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rca.Server.Sources;

/// <summary>
/// Reads a <c>values</c> row of a <c>/query</c> response: a JSON array of numbers, strings and nulls.
/// </summary>
internal sealed class InfluxQlRowConverter : JsonConverter<InfluxQlRow>
{
    public override InfluxQlRow Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"A row must be a JSON array, got {reader.TokenType}.");
        }

        var numbers = new List<double?>(8);
        var texts = new List<string?>(8);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Number:
                    numbers.Add(reader.GetDouble());
                    texts.Add(null);
                    break;
                case JsonTokenType.String:
                    numbers.Add(null);
                    texts.Add(reader.GetString());
                    break;
                case JsonTokenType.Null:
                    numbers.Add(null);
                    texts.Add(null);
                    break;
                default:
                    throw new JsonException($"A row cell must be a number, a string or null, got {reader.TokenType}.");
            }
        }

        return new InfluxQlRow([.. numbers], [.. texts]);
    }

    public override void Write(Utf8JsonWriter writer, InfluxQlRow value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Rows are only read.");
}
