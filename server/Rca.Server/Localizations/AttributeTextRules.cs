namespace Rca.Server.Localizations;

/// <summary>
/// Checks attribute names and values of uploaded tables.
/// </summary>
/// <remarks>
/// Names are identifiers: letters, digits, '_', '-', '.', ':' and '/' (at most 100 characters,
/// starting with a letter, digit or '_'). That rejects markup (<c>&lt;script&gt;</c>) and
/// spreadsheet formulas (<c>=cmd|...</c>, <c>+</c>, <c>-</c>, <c>@</c>) outright. Values are data
/// and may contain any text except control characters and the separators of the combination
/// text, '&amp;' and ';', which could not be read back. Values are returned only inside JSON,
/// whose encoder escapes '&lt;', '&gt;' and '&amp;'.
/// </remarks>
internal static class AttributeTextRules
{
    public const int MaxNameLength = 100;
    public const int MaxValueLength = 1000;

    /// <summary>Returns why the name is invalid, or null.</summary>
    public static string? CheckName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "must not be empty";
        }

        if (name.Length > MaxNameLength)
        {
            return $"must be at most {MaxNameLength} characters, got {name.Length}";
        }

        if (!(char.IsLetterOrDigit(name[0]) || name[0] == '_'))
        {
            return "must start with a letter, a digit or '_'";
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or ':' or '/'))
            {
                return $"may contain only letters, digits, '_', '-', '.', ':' and '/', found U+{(int)c:X4}";
            }
        }

        return null;
    }

    /// <summary>Returns why the value is invalid, or null.</summary>
    public static string? CheckValue(string? value)
    {
        if (value is null)
        {
            return "must not be null";
        }

        if (value.Length > MaxValueLength)
        {
            return $"must be at most {MaxValueLength} characters, got {value.Length}";
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return $"must not contain control characters, found U+{(int)c:X4}";
            }

            if (c is '&' or ';')
            {
                return $"must not contain '{c}', which separates combinations in root-cause text";
            }
        }

        return null;
    }
}
