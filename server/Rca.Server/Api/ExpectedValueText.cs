using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Rca.Server.Api;

/// <summary>
/// Describes the value a JSON member or a query parameter of a given .NET type accepts, in the
/// client's terms (a string, an integer, an ISO 8601 date-time, one of the enum's names).
/// </summary>
internal static class ExpectedValueText
{
    /// <summary>The example date-time shown with every date-time parameter.</summary>
    public const string DateTimeExample = "2026-12-04T10:00:00Z";

    /// <summary>
    /// Returns a phrase such as "a string" or "one of: sum, ratio". Enum names are written as
    /// <paramref name="options"/> serializes them; without options they are the declared names.
    /// </summary>
    public static string Describe(Type type, JsonSerializerOptions? options)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum)
        {
            return "one of: " + string.Join(", ", EnumNames(underlying, options));
        }

        switch (Type.GetTypeCode(underlying))
        {
            case TypeCode.String:
            case TypeCode.Char:
                return "a string";
            case TypeCode.Boolean:
                return "true or false";
            case TypeCode.Byte:
            case TypeCode.SByte:
            case TypeCode.Int16:
            case TypeCode.UInt16:
            case TypeCode.Int32:
            case TypeCode.UInt32:
            case TypeCode.Int64:
            case TypeCode.UInt64:
                return "an integer";
            case TypeCode.Single:
            case TypeCode.Double:
            case TypeCode.Decimal:
                return "a number";
            case TypeCode.DateTime:
                return $"an ISO 8601 date-time such as {DateTimeExample}";
        }

        if (underlying == typeof(DateTimeOffset))
        {
            return $"an ISO 8601 date-time such as {DateTimeExample}";
        }

        if (underlying == typeof(DateOnly))
        {
            return "an ISO 8601 date such as 2026-12-04";
        }

        if (underlying == typeof(TimeSpan))
        {
            return "a duration such as 00:05:00";
        }

        if (underlying == typeof(Guid))
        {
            return "a UUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301";
        }

        if (underlying == typeof(Uri))
        {
            return "a URL string";
        }

        var kind = options is null ? JsonTypeInfoKind.None : options.GetTypeInfo(underlying).Kind;
        return kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Dictionary or JsonTypeInfoKind.Object => "an object",
            _ => "a value of another type",
        };
    }

    private static string[] EnumNames(Type enumType, JsonSerializerOptions? options)
    {
        var values = Enum.GetValues(enumType);
        var names = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var value = values.GetValue(i)!;
            names[i] = options is null
                ? Convert.ToString(value, CultureInfo.InvariantCulture)!
                : JsonSerializer.Serialize(value, enumType, options).Trim('"');
        }

        return names;
    }
}
