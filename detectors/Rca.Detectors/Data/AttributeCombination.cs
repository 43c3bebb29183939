using System.Text;

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
        var sorted = pairs.Distinct().OrderBy(pair => pair.Key, StringComparer.Ordinal).ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("An attribute combination fixes at least one attribute.", nameof(pairs));
        }

        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Key == sorted[i - 1].Key)
            {
                throw new ArgumentException(
                    $"Attribute '{sorted[i].Key}' has two values: '{sorted[i - 1].Value}' and '{sorted[i].Value}'.",
                    nameof(pairs));
            }
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
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in text.Split('&', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                throw new FormatException($"Invalid attribute combination '{text}': expected name=value pairs joined by '&', got '{part}'.");
            }

            pairs.Add(new(part[..equals].Trim(), part[(equals + 1)..].Trim()));
        }

        if (pairs.Count == 0)
        {
            throw new FormatException($"Invalid attribute combination '{text}': expected at least one name=value pair.");
        }

        try
        {
            return new AttributeCombination(pairs);
        }
        catch (ArgumentException error)
        {
            throw new FormatException($"Invalid attribute combination '{text}': {error.Message}", error);
        }
    }

    /// <summary>
    /// Parses a root-cause set text: combinations joined by <c>;</c>, duplicates removed, in canonical order.
    /// </summary>
    /// <exception cref="FormatException">A combination in the set is invalid.</exception>
    public static IReadOnlyList<AttributeCombination> ParseSet(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Parse)
            .Distinct()
            .Order()];
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
}
