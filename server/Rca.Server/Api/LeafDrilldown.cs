using Rca.Contracts;
using Rca.Detectors.Data;
using Rca.Detectors.Localization;

namespace Rca.Server.Api;

/// <summary>
/// Groups the leaves of a stored window by chosen attributes, or keeps the leaves under one
/// attribute combination, and rolls each group up: sums, or the ratio of sums for a derived measure.
/// </summary>
internal static class LeafDrilldown
{
    /// <summary>Returns the cells, largest |forecast − actual| first, and the cell count before the limit.</summary>
    /// <exception cref="ArgumentException">An attribute or a combination attribute is not in the table.</exception>
    public static (int Total, List<DrilldownCell> Cells) Compute(
        LeafTableSnapshot snapshot, IReadOnlyList<string> groupBy, AttributeCombination? filter, int limit)
    {
        var groupIndexes = new int[groupBy.Count];
        for (var i = 0; i < groupIndexes.Length; i++)
        {
            groupIndexes[i] = IndexOf(snapshot, groupBy[i]);
        }

        var filterCodes = new List<(int Attribute, int Code)>();
        foreach (var pair in filter?.Pairs ?? [])
        {
            var attribute = IndexOf(snapshot, pair.Key);
            var code = Array.IndexOf(snapshot.Dictionaries[attribute], pair.Value);

            // A value the window never had matches no leaf: an empty result, not an error.
            filterCodes.Add((attribute, code));
        }

        var sums = new Dictionary<string, (string[] Values, int Leaves, double A, double F, double Ad, double Fd)>(StringComparer.Ordinal);
        for (var leaf = 0; leaf < snapshot.LeafCount; leaf++)
        {
            var matches = true;
            foreach (var (attribute, code) in filterCodes)
            {
                matches &= snapshot.Codes[attribute][leaf] == code;
            }

            if (!matches)
            {
                continue;
            }

            var values = new string[groupIndexes.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = snapshot.Dictionaries[groupIndexes[i]][snapshot.Codes[groupIndexes[i]][leaf]];
            }

            var key = string.Join('\u001f', values);
            sums.TryGetValue(key, out var sum);
            sums[key] = (
                values,
                sum.Leaves + 1,
                sum.A + snapshot.Actual[leaf],
                sum.F + snapshot.Forecast[leaf],
                sum.Ad + (snapshot.ActualDenominator?[leaf] ?? 0),
                sum.Fd + (snapshot.ForecastDenominator?[leaf] ?? 0));
        }

        var cells = new List<DrilldownCell>(sums.Count);
        foreach (var sum in sums.Values)
        {
            var actual = snapshot.IsDerived ? LeafTable.Ratio(sum.A, sum.Ad) : sum.A;
            var forecast = snapshot.IsDerived ? LeafTable.Ratio(sum.F, sum.Fd) : sum.F;
            cells.Add(new DrilldownCell(sum.Values, sum.Leaves, actual, forecast, DeviationScore.Compute(forecast, actual)));
        }

        cells.Sort((x, y) =>
        {
            var byChange = Math.Abs(y.Forecast - y.Actual).CompareTo(Math.Abs(x.Forecast - x.Actual));
            return byChange != 0 ? byChange : string.CompareOrdinal(string.Join('\u001f', x.Values), string.Join('\u001f', y.Values));
        });
        var total = cells.Count;
        if (cells.Count > limit)
        {
            cells.RemoveRange(limit, cells.Count - limit);
        }

        return (total, cells);
    }

    private static int IndexOf(LeafTableSnapshot snapshot, string attribute)
    {
        var index = Array.IndexOf(snapshot.Attributes, attribute);
        return index >= 0
            ? index
            : throw new ArgumentException($"The window has no attribute '{attribute}'; its attributes are {string.Join(", ", snapshot.Attributes)}.");
    }
}
