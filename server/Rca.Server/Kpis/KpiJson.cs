using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rca.Server.Kpis;

/// <summary>
/// The JSON form of KPI definitions, shared by the seed file and the database column: camelCase
/// names, enums as lower-case text, durations as <c>30s</c>, <c>1m</c>, <c>1h</c>, <c>1d</c> or <c>hh:mm:ss</c>.
/// </summary>
internal static class KpiJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new DurationConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class DurationConverter : JsonConverter<TimeSpan>
    {
        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            if (text is not null && TryParse(text, out var value))
            {
                return value;
            }

            throw new JsonException($"Expected a duration such as \"30s\", \"5m\", \"1h\", \"1d\" or \"00:05:00\", got \"{text}\".");
        }

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("c", CultureInfo.InvariantCulture));

        private static bool TryParse(string text, out TimeSpan value)
        {
            value = default;
            text = text.Trim();
            if (text.Length >= 2 && char.IsAsciiLetter(text[^1])
                && double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
            {
                TimeSpan? parsed = text[^1] switch
                {
                    's' => TimeSpan.FromSeconds(amount),
                    'm' => TimeSpan.FromMinutes(amount),
                    'h' => TimeSpan.FromHours(amount),
                    'd' => TimeSpan.FromDays(amount),
                    _ => null,
                };
                value = parsed ?? default;
                return parsed is not null;
            }

            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
        }
    }
}
