using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Rca.Detectors.Resources;

namespace Rca.Detectors.Data;

/// <summary>
/// An attribute combination: values fixed for some attributes, the rest wildcards
/// (<c>isp=Unicom&amp;province=Beijing</c>). Pairs are kept sorted by attribute name, so two
/// combinations are equal exactly when their canonical texts are equal.
/// </summary>
public sealed class AttributeCombination : IEquatable<AttributeCombination>, IComparable<AttributeCombination>
{
    private readonly KeyValuePair<string, string>[] _pairs;
    private readonly string _text;

    /// <summary>Creates a combination from attribute-value pairs in any order.</summary>
    /// <exception cref="ArgumentException">No pairs, or one attribute given two different values.</exception>
    public AttributeCombination(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var sorted = Sort(pairs);
        if (sorted.Length == 0)
        {
            throw new ArgumentException("An attribute combination fixes at least one attribute.", nameof(pairs));
        }

        var repeated = FindRepeatedAttribute(sorted);
        if (repeated > 0)
        {
            throw new ArgumentException(
                $"Attribute '{sorted[repeated].Key}' has two values: '{sorted[repeated - 1].Value}' and '{sorted[repeated].Value}'.",
                nameof(pairs));
        }

        _pairs = sorted;
        _text = string.Join('&', sorted.Select(pair => pair.Key + "=" + pair.Value));
    }

    /// <summary>The attribute-value pairs, sorted by attribute name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    /// <summary>The number of fixed attributes: the layer of the combination's cuboid.</summary>
    public int Layer => _pairs.Length;

    /// <summary>Returns the value fixed for an attribute, or null when it is a wildcard.</summary>
    public string? this[string attribute]
    {
        get
        {
            foreach (var pair in _pairs)
            {
                if (pair.Key == attribute)
                {
                    return pair.Value;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Parses the canonical text <c>a=a1&amp;b=b2</c>; whitespace around names and values is trimmed.
    /// </summary>
    /// <exception cref="FormatException">The text is empty or a pair has no <c>=</c>, no name or a repeated name.</exception>
    public static AttributeCombination Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var combination, out var error, out var arguments)
            ? combination
            : throw new FormatException(DataErrors.Format(error, CultureInfo.CurrentUICulture, arguments));
    }

    /// <summary>
    /// Parses a root-cause set text: combinations joined by <c>;</c>, duplicates removed, in canonical order.
    /// </summary>
    /// <exception cref="FormatException">A combination in the set is invalid.</exception>
    public static IReadOnlyList<AttributeCombination> ParseSet(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseSet(text, out var set, out var error, out var arguments)
            ? set
            : throw new FormatException(DataErrors.Format(error, CultureInfo.CurrentUICulture, arguments));
    }

    /// <summary>
    /// Parses like <see cref="ParseSet"/>, but returns the error code and its arguments in
    /// place of a <see cref="FormatException"/>, so that a file reader can pass them on.
    /// </summary>
    internal static bool TryParseSet(
        string text,
        [NotNullWhen(true)] out IReadOnlyList<AttributeCombination>? set,
        out DataFileError error,
        out object?[] arguments)
    {
        var combinations = new List<AttributeCombination>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParse(part, out var combination, out error, out arguments))
            {
                set = null;
                return false;
            }

            combinations.Add(combination);
        }

        set = [.. combinations.Distinct().Order()];
        error = DataFileError.Unspecified;
        arguments = [];
        return true;
    }

    private static bool TryParse(
        string text,
        [NotNullWhen(true)] out AttributeCombination? combination,
        out DataFileError error,
        out object?[] arguments)
    {
        combination = null;
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in text.Split('&', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                error = DataFileError.InvalidCombinationPair;
                arguments = [text, part];
                return false;
            }

            pairs.Add(new(part[..equals].Trim(), part[(equals + 1)..].Trim()));
        }

        if (pairs.Count == 0)
        {
            error = DataFileError.EmptyCombination;
            arguments = [text];
            return false;
        }

        // The parser checks repeated names itself instead of catching the constructor's
        // error, because the text comes from a file and the message must be in the user's language.
        var sorted = Sort(pairs);
        var repeated = FindRepeatedAttribute(sorted);
        if (repeated > 0)
        {
            error = DataFileError.CombinationAttributeRepeated;
            arguments = [text, sorted[repeated].Key, sorted[repeated - 1].Value, sorted[repeated].Value];
            return false;
        }

        combination = new AttributeCombination(sorted);
        error = DataFileError.Unspecified;
        arguments = [];
        return true;
    }

    /// <summary>Formats combinations as a root-cause set text, joined by <c>;</c>.</summary>
    public static string FormatSet(IEnumerable<AttributeCombination> combinations) =>
        string.Join(';', combinations.Select(combination => combination._text));

    /// <inheritdoc />
    public bool Equals(AttributeCombination? other) => other is not null && other._text == _text;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AttributeCombination);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_text);

    /// <inheritdoc />
    public int CompareTo(AttributeCombination? other) => other is null ? 1 : string.CompareOrdinal(_text, other._text);

    /// <summary>Returns the canonical text, <c>a=a1&amp;b=b2</c>.</summary>
    public override string ToString() => _text;

    // Returns the distinct pairs in ordinal order of their names. The sort is stable, so the
    // values of a repeated name keep the order they were given in.
    private static KeyValuePair<string, string>[] Sort(IEnumerable<KeyValuePair<string, string>> pairs) =>
        pairs.Distinct().OrderBy(pair => pair.Key, StringComparer.Ordinal).ToArray();

    // The first index of sorted pairs whose name equals the one before, or -1.
    private static int FindRepeatedAttribute(KeyValuePair<string, string>[] sorted)
    {
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Key == sorted[i - 1].Key)
            {
                return i;
            }
        }

        return -1;
    }
}
