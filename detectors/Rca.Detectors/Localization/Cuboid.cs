using Rca.Detectors.Data;

namespace Rca.Detectors.Localization;

/// <summary>
/// A cuboid (a set of attributes) with the mixed-radix key that projects a leaf onto it, and
/// the number of valid leaves under each of its elements, counted once per case.
/// </summary>
internal sealed class Cuboid
{
    private const long DenseLimit = 1 << 22;

    private readonly int[][] _codes;
    private readonly long[] _strides;
    private int[]? _denseDescendants;
    private Dictionary<long, int>? _sparseDescendants;

    public Cuboid(int index, int[] attributes, LeafTable table, int[][] codes)
    {
        Index = index;
        Attributes = attributes;
        Names = [.. attributes.Select(attribute => table.AttributeNames[attribute])];
        Cardinalities = [.. attributes.Select(attribute => table.GetAttributeValues(attribute).Count)];
        _codes = [.. attributes.Select(attribute => codes[attribute])];
        _strides = new long[attributes.Length];
        long stride = 1;
        for (var position = attributes.Length - 1; position >= 0; position--)
        {
            _strides[position] = stride;
            stride = checked(stride * Cardinalities[position]);
        }

        Size = stride;
    }

    /// <summary>The position of the cuboid in search order (layer, then lexicographic).</summary>
    public int Index { get; }

    /// <summary>The table attribute indices, sorted by attribute name.</summary>
    public int[] Attributes { get; }

    public string[] Names { get; }

    public int[] Cardinalities { get; }

    public int Layer => Attributes.Length;

    /// <summary>The number of possible elements: the product of the attributes' value counts.</summary>
    public long Size { get; }

    /// <summary>The number of elements with at least one valid leaf.</summary>
    public int DistinctElements { get; private set; }

    /// <summary>Returns the key of the element a valid leaf belongs to; keys sort like the value tuples.</summary>
    public long Key(int leaf)
    {
        long key = 0;
        for (var position = 0; position < _codes.Length; position++)
        {
            key += _codes[position][leaf] * _strides[position];
        }

        return key;
    }

    /// <summary>Counts the valid leaves under each element; called once before the first search.</summary>
    public void CountDescendants(int leafCount)
    {
        if (_denseDescendants is not null || _sparseDescendants is not null)
        {
            return;
        }

        var distinct = 0;
        if (Size <= DenseLimit)
        {
            var counts = new int[Size];
            for (var leaf = 0; leaf < leafCount; leaf++)
            {
                if (counts[Key(leaf)]++ == 0)
                {
                    distinct++;
                }
            }

            _denseDescendants = counts;
        }
        else
        {
            var counts = new Dictionary<long, int>();
            for (var leaf = 0; leaf < leafCount; leaf++)
            {
                var key = Key(leaf);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }

            distinct = counts.Count;
            _sparseDescendants = counts;
        }

        DistinctElements = distinct;
    }

    /// <summary>Returns the number of valid leaves under an element.</summary>
    public int Descendants(long key) =>
        _denseDescendants is not null ? _denseDescendants[key] : _sparseDescendants!.GetValueOrDefault(key);

    /// <summary>Returns the attribute combination of an element.</summary>
    public AttributeCombination Decode(long key, LeafTable table)
    {
        var pairs = new KeyValuePair<string, string>[Attributes.Length];
        for (var position = 0; position < Attributes.Length; position++)
        {
            var code = (int)(key / _strides[position] % Cardinalities[position]);
            pairs[position] = new(Names[position], table.GetAttributeValues(Attributes[position])[code]);
        }

        return new AttributeCombination(pairs);
    }

    /// <summary>Returns every cuboid of one layer, attributes sorted by name, in lexicographic order.</summary>
    public static List<int[]> Combinations(int[] attributesByName, int layer)
    {
        var result = new List<int[]>();
        var positions = new int[layer];
        for (var i = 0; i < layer; i++)
        {
            positions[i] = i;
        }

        var n = attributesByName.Length;
        while (true)
        {
            result.Add([.. positions.Select(position => attributesByName[position])]);
            var move = layer - 1;
            while (move >= 0 && positions[move] == n - layer + move)
            {
                move--;
            }

            if (move < 0)
            {
                return result;
            }

            positions[move]++;
            for (var i = move + 1; i < layer; i++)
            {
                positions[i] = positions[i - 1] + 1;
            }
        }
    }
}
