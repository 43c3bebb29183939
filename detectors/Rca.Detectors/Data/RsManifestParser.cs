namespace Rca.Detectors.Data;

/// <summary>
/// Parses the YAML subset of RS <c>anomaly.yaml</c> manifests: a top-level sequence of
/// entries with the keys <c>data</c> (file stem), <c>timestamp</c> (Unix seconds) and
/// <c>cause</c>, a flow mapping such as <c>{'bitrate':2000, 'p2p':1}</c> or a flow sequence of
/// such mappings when a case has several root causes.
/// </summary>
/// <remarks>
/// Blank lines and lines starting with <c>#</c> are skipped. Scalars may be bare or quoted with
/// <c>'</c> or <c>"</c>, and quotes are stripped, so <c>'p2p':1</c> gives <c>p2p=1</c>. Anything
/// else (block mappings under <c>cause</c>, anchors, comments after a value) is rejected with
/// the line and character column. Errors use the character column, not a CSV field number.
/// </remarks>
internal sealed class RsManifestParser
{
    private const string DataKey = "data";
    private const string TimestampKey = "timestamp";
    private const string CauseKey = "cause";

    private readonly string _path;
    private readonly List<RsCase> _cases = [];
    private readonly Dictionary<string, int> _stemLines = new(StringComparer.Ordinal);

    private int _entryLine;
    private string? _stem;
    private long? _timestamp;
    private IReadOnlyList<AttributeCombination>? _cause;

    private RsManifestParser(string path)
    {
        _path = path;
    }

    /// <summary>Parses manifest text.</summary>
    /// <exception cref="InvalidDataFileException">The text is outside the supported subset or an entry is incomplete.</exception>
    public static IReadOnlyList<RsCase> Parse(string text, string path)
    {
        var parser = new RsManifestParser(path);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            parser.ParseLine(lines[i].TrimEnd('\r'), i + 1);
        }

        parser.FinishEntry();
        if (parser._cases.Count == 0)
        {
            throw new InvalidDataFileException(path, null, null, DataFileError.NoManifestEntries, []);
        }

        return parser._cases;
    }

    private void ParseLine(string line, int lineNumber)
    {
        var content = line.AsSpan().TrimStart(' ');
        if (content.IsWhiteSpace() || content[0] == '#')
        {
            return;
        }

        if (content[0] == '\t')
        {
            throw new InvalidDataFileException(_path, lineNumber, line.Length - content.Length + 1, DataFileError.TabIndentation, []);
        }

        int keyColumn;
        if (line.StartsWith("- ", StringComparison.Ordinal))
        {
            FinishEntry();
            _entryLine = lineNumber;
            keyColumn = 2 + CountLeadingSpaces(line.AsSpan(2));
        }
        else if (line[0] == ' ' && _entryLine > 0)
        {
            keyColumn = line.Length - content.Length;
        }
        else
        {
            throw new InvalidDataFileException(_path, lineNumber, 1, DataFileError.ExpectedEntryStart, []);
        }

        var colon = line.IndexOf(':', keyColumn);
        if (colon < 0 || (colon + 1 < line.Length && line[colon + 1] != ' '))
        {
            throw new InvalidDataFileException(_path, lineNumber, keyColumn + 1, DataFileError.ExpectedKeyValue, []);
        }

        var key = line[keyColumn..colon].Trim();
        var valueStart = colon + 1;
        while (valueStart < line.Length && line[valueStart] == ' ')
        {
            valueStart++;
        }

        var value = line[valueStart..].TrimEnd();
        if (value.Length == 0)
        {
            throw new InvalidDataFileException(_path, lineNumber, valueStart + 1, DataFileError.MissingValue, [key]);
        }

        switch (key)
        {
            case DataKey:
                RejectRepeat(_stem is not null, key, lineNumber, keyColumn);
                _stem = Unquote(value);
                break;
            case TimestampKey:
                RejectRepeat(_timestamp is not null, key, lineNumber, keyColumn);
                _timestamp = long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                    ? seconds
                    : throw new InvalidDataFileException(_path, lineNumber, valueStart + 1, DataFileError.InvalidTimestamp, [value]);
                break;
            case CauseKey:
                RejectRepeat(_cause is not null, key, lineNumber, keyColumn);
                _cause = new FlowCauseParser(_path, lineNumber, line, valueStart).Parse();
                break;
            default:
                throw new InvalidDataFileException(
                    _path, lineNumber, keyColumn + 1, DataFileError.UnknownKey, [key, DataKey, TimestampKey, CauseKey]);
        }
    }

    private void FinishEntry()
    {
        if (_entryLine == 0)
        {
            return;
        }

        RequireKey(_stem is not null, DataKey);
        RequireKey(_timestamp is not null, TimestampKey);
        RequireKey(_cause is not null, CauseKey);

        if (_stemLines.TryGetValue(_stem!, out var earlier))
        {
            throw new InvalidDataFileException(_path, _entryLine, null, DataFileError.DuplicateCase, [_stem, earlier]);
        }

        _stemLines.Add(_stem!, _entryLine);
        _cases.Add(new RsCase(_stem!, _timestamp!.Value, _cause!, _entryLine));
        _entryLine = 0;
        _stem = null;
        _timestamp = null;
        _cause = null;
    }

    private void RequireKey(bool present, string key)
    {
        if (!present)
        {
            throw new InvalidDataFileException(_path, _entryLine, null, DataFileError.MissingKey, [key]);
        }
    }

    private void RejectRepeat(bool seen, string key, int lineNumber, int keyColumn)
    {
        if (seen)
        {
            throw new InvalidDataFileException(_path, lineNumber, keyColumn + 1, DataFileError.RepeatedKey, [key, _entryLine]);
        }
    }

    private static int CountLeadingSpaces(ReadOnlySpan<char> text) => text.Length - text.TrimStart(' ').Length;

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '\'' || value[0] == '"') && value[^1] == value[0] ? value[1..^1] : value;
}
