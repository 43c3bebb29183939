using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Rca.Server.Api;

/// <summary>
/// Turns a <see cref="JsonException"/> from reading a request body into a message in the
/// client's terms: the JSON path, the 1-based line and byte, and what the body should contain
/// there. It never shows .NET type names or the position suffix that System.Text.Json appends.
/// </summary>
internal static partial class JsonErrorText
{
    // The reader's message for a body that ends inside an object or array.
    private const string EndedInsideValue = "Expected depth to be zero at the end of the JSON payload.";

    /// <summary>Returns what is wrong at the error's path, resolved against <paramref name="rootType"/>.</summary>
    public static JsonError Explain(JsonException error, Type rootType, JsonSerializerOptions options)
    {
        var path = string.IsNullOrEmpty(error.Path) ? "$" : error.Path;
        var position = error.LineNumber is { } line && error.BytePositionInLine is { } column
            ? $"line {line + 1}, byte {column + 1}"
            : null;
        var message = JsonPositionSuffix().Replace(error.Message, ".");

        // For malformed JSON the serializer wraps the reader's exception, an internal subclass of
        // JsonException. A well-formed value of the wrong type or name has no inner exception.
        if (error.InnerException is JsonException)
        {
            var text = message.StartsWith(EndedInsideValue, StringComparison.Ordinal)
                ? "The body ends before an object or array is closed, so it may be truncated."
                : message;
            return new JsonError(JsonErrorKind.Syntax, path, position, text);
        }

        var segments = SplitPath(path);
        var unmapped = UnmappedProperty().Match(message);
        if (unmapped.Success)
        {
            var name = unmapped.Groups[1].Value;
            if (segments.Count == 0 || segments[^1] != name)
            {
                segments.Add(name);
                path = AppendToPath(path, name);
            }

            var parent = Resolve(rootType, segments[..^1], options);
            var known = parent is null ? "Remove it." : "Expected one of: " + string.Join(", ", PropertyNames(parent, options)) + ".";
            return new JsonError(JsonErrorKind.UnknownProperty, path, position, known);
        }

        if (!CouldNotConvert().IsMatch(message))
        {
            // A converter's own message, such as the KPI duration converter's, already states what it expected.
            return new JsonError(JsonErrorKind.Value, path, position, message);
        }

        var target = Resolve(rootType, segments, options);
        var expected = target is null ? "a value of another type" : ExpectedValueText.Describe(target, options);
        return new JsonError(JsonErrorKind.Value, path, position, $"Expected {expected}.");
    }

    private static Type? Resolve(Type rootType, List<string> segments, JsonSerializerOptions options)
    {
        Type? type = rootType;
        foreach (var segment in segments)
        {
            var info = options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
            type = info.Kind switch
            {
                JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary => info.ElementType,
                JsonTypeInfoKind.Object => FindProperty(info, segment, options)?.PropertyType,
                _ => null,
            };
            if (type is null)
            {
                return null;
            }
        }

        return type;
    }

    private static JsonPropertyInfo? FindProperty(JsonTypeInfo info, string name, JsonSerializerOptions options)
    {
        var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var property in info.Properties)
        {
            if (string.Equals(property.Name, name, comparison))
            {
                return property;
            }
        }

        return null;
    }

    private static List<string> PropertyNames(Type type, JsonSerializerOptions options)
    {
        var names = new List<string>();
        var info = options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
        if (info.Kind == JsonTypeInfoKind.Object)
        {
            foreach (var property in info.Properties)
            {
                if (property.Set is not null || property.AssociatedParameter is not null)
                {
                    names.Add(property.Name);
                }
            }
        }

        return names;
    }

    // Splits "$.a.b[0]['c d']" into "a", "b", "0" and "c d". An index selects the element type.
    private static List<string> SplitPath(string path)
    {
        var segments = new List<string>();
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path[i] == '[')
            {
                var quoted = i + 1 < path.Length && path[i + 1] == '\'';
                var close = quoted ? path.IndexOf("']", i + 2, StringComparison.Ordinal) : path.IndexOf(']', i + 1);
                if (close < 0)
                {
                    break;
                }

                segments.Add(quoted ? path[(i + 2)..close] : path[(i + 1)..close]);
                i = close + (quoted ? 2 : 1);
            }
            else
            {
                break;
            }
        }

        return segments;
    }

    private static string AppendToPath(string path, string name)
    {
        var simple = name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return simple ? $"{path}.{name}" : new StringBuilder(path).Append("['").Append(name).Append("']").ToString();
    }

    [GeneratedRegex(@"\.? Path: \S* \| LineNumber: \d+ \| BytePositionInLine: \d+\.$")]
    private static partial Regex JsonPositionSuffix();

    [GeneratedRegex(@"^The JSON property '(.*)' could not be mapped to any \.NET member")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex(@"^The JSON value could not be converted to ")]
    private static partial Regex CouldNotConvert();
}
