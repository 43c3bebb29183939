using System.Text;

namespace Rca.Cli;

/// <summary>
/// A plain-text table with columns padded to the widest cell, counting East Asian wide
/// characters as two terminal columns so that Chinese headers line up.
/// </summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = [];

    /// <param name="headers">The column headers.</param>
    /// <param name="rightAligned">Which columns hold numbers and are right-aligned.</param>
    public TextTable(string[] headers, bool[] rightAligned)
    {
        if (headers.Length != rightAligned.Length)
        {
            throw new ArgumentException("Every column needs an alignment.", nameof(rightAligned));
        }

        _headers = headers;
        _rightAligned = rightAligned;
    }

    public void AddRow(params string[] cells)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"Expected {_headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
    }

    public void Write(TextWriter writer)
    {
        var widths = new int[_headers.Length];
        foreach (var row in _rows.Prepend(_headers))
        {
            for (var column = 0; column < row.Length; column++)
            {
                widths[column] = Math.Max(widths[column], DisplayWidth(row[column]));
            }
        }

        WriteRow(writer, _headers, widths);
        WriteRow(writer, widths.Select(width => new string('-', width)).ToArray(), widths);
        foreach (var row in _rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    private void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var column = 0; column < cells.Length; column++)
        {
            if (column > 0)
            {
                line.Append("  ");
            }

            var padding = new string(' ', widths[column] - DisplayWidth(cells[column]));
            var last = column == cells.Length - 1;
            if (_rightAligned[column])
            {
                line.Append(padding).Append(cells[column]);
            }
            else
            {
                line.Append(cells[column]);
                if (!last)
                {
                    line.Append(padding);
                }
            }
        }

        writer.WriteLine(line.ToString());
    }

    /// <summary>
    /// Returns the number of terminal columns a text takes: two for CJK ideographs, fullwidth
    /// forms and CJK punctuation (the common East Asian Wide ranges of Unicode UAX #11), one otherwise.
    /// </summary>
    public static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            var wide = value is >= 0x1100 and <= 0x115F
                or >= 0x2E80 and <= 0xA4CF
                or >= 0xAC00 and <= 0xD7A3
                or >= 0xF900 and <= 0xFAFF
                or >= 0xFE30 and <= 0xFE4F
                or >= 0xFF00 and <= 0xFF60
                or >= 0xFFE0 and <= 0xFFE6
                or >= 0x20000 and <= 0x3FFFD;
            width += wide ? 2 : 1;
        }

        return width;
    }
}
