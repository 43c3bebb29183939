using System.Globalization;
using Rca.Contracts;

namespace Rca.Web.Components.Shared;

/// <summary>
/// A drill-down over two attributes laid out as a grid: one row per value of the first attribute,
/// one column per value of the second, and whether a root-cause combination covers each cell.
/// </summary>
internal sealed class HeatmapGrid
{
    private HeatmapGrid(string[] rows, string[] columns, DrilldownCell?[,] cells, bool[,] rootCause)
    {
        Rows = rows;
        Columns = columns;
        Cells = cells;
        RootCause = rootCause;
    }

    /// <summary>The values of the first attribute, in numeric order when all parse as numbers, else ordinal order.</summary>
    public string[] Rows { get; }

    /// <summary>The values of the second attribute, in numeric order when all parse as numbers, else ordinal order.</summary>
    public string[] Columns { get; }

    /// <summary>The cell at [row, column]; null when the window had no leaf with that value pair.</summary>
    public DrilldownCell?[,] Cells { get; }

    /// <summary>Whether the cell at [row, column] lies under one of the root-cause combinations.</summary>
    public bool[,] RootCause { get; }

    /// <summary>Lays out <paramref name="result"/>, which must be grouped by exactly two attributes.</summary>
    /// <param name="result">The drill-down cells.</param>
    /// <param name="rootCauses">The root-cause combinations as canonical text, <c>a=a1&amp;b=b2</c>.</param>
    /// <exception cref="ArgumentException">The result is not grouped by two attributes.</exception>
    public static HeatmapGrid Build(DrilldownResult result, IEnumerable<string> rootCauses)
    {
        if (result.Attributes.Count != 2)
        {
            throw new ArgumentException($"A heatmap needs a drill-down over 2 attributes, got {result.Attributes.Count}.", nameof(result));
        }

        var rows = Sort(result.Cells.Select(cell => cell.Values[0]));
        var columns = Sort(result.Cells.Select(cell => cell.Values[1]));
        var rowIndex = Index(rows);
        var columnIndex = Index(columns);

        var cells = new DrilldownCell?[rows.Length, columns.Length];
        foreach (var cell in result.Cells)
        {
            cells[rowIndex[cell.Values[0]], columnIndex[cell.Values[1]]] = cell;
        }

        var rootCause = new bool[rows.Length, columns.Length];
        var combinations = rootCauses.Select(Parse).ToList();
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                var cellPairs = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [result.Attributes[0]] = rows[r],
                    [result.Attributes[1]] = columns[c],
                };
                rootCause[r, c] = combinations.Any(pairs => Covers(pairs, cellPairs));
            }
        }

        return new HeatmapGrid(rows, columns, cells, rootCause);
    }

    // A combination covers a cell when it fixes only the cell's attributes, to the cell's values:
    // province=Beijing covers every (province=Beijing, isp=*) cell; a combination that also fixes
    // an attribute outside the grid covers none, because the cell mixes its leaves with others.
    private static bool Covers(IReadOnlyList<KeyValuePair<string, string>> combination, Dictionary<string, string> cell) =>
        combination.Count > 0 && combination.All(pair => cell.TryGetValue(pair.Key, out var value) && value == pair.Value);

    private static List<KeyValuePair<string, string>> Parse(string combination)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in combination.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0)
            {
                pairs.Add(new(part[..separator], part[(separator + 1)..]));
            }
        }

        return pairs;
    }

    // Tag values are strings, so numeric tags such as a status code or a price band would sort as
    // -1, 0, 10000, 2500. Equal numbers written differently ("1", "1.0") keep ordinal order.
    private static string[] Sort(IEnumerable<string> values)
    {
        var distinct = values.Distinct(StringComparer.Ordinal).ToArray();
        var numbers = new double[distinct.Length];
        for (var i = 0; i < distinct.Length; i++)
        {
            if (!double.TryParse(distinct[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || double.IsNaN(numbers[i]))
            {
                return [.. distinct.Order(StringComparer.Ordinal)];
            }
        }

        var order = Enumerable.Range(0, distinct.Length)
            .OrderBy(i => numbers[i])
            .ThenBy(i => distinct[i], StringComparer.Ordinal);
        return [.. order.Select(i => distinct[i])];
    }

    private static Dictionary<string, int> Index(string[] values)
    {
        var index = new Dictionary<string, int>(values.Length, StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            index[values[i]] = i;
        }

        return index;
    }
}
