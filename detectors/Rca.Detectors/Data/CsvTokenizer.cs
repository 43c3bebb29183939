using System.Buffers;

namespace Rca.Detectors.Data;

/// <summary>
/// Splits CSV text (RFC 4180) into records without copying unquoted fields: a field is a
/// range of the source text, and only quoted fields with doubled quotes are unescaped into
/// a new string. Records end at LF, CRLF or a lone CR.
/// </summary>
internal sealed class CsvTokenizer
{
    private static readonly SearchValues<char> FieldEnds = SearchValues.Create(",\r\n\"");

    private readonly string _text;
    private readonly string _path;
    private readonly List<Field> _fields = new(16);
    private int _position;
    private int _line = 1;

    public CsvTokenizer(string text, string path)
    {
        _text = text;
        _path = path;
    }

    /// <summary>The 1-based line on which the current record starts.</summary>
    public int RecordLine { get; private set; }

    /// <summary>The number of fields of the current record.</summary>
    public int FieldCount => _fields.Count;

    /// <summary>True when the current record is an empty line.</summary>
    public bool IsBlank => _fields.Count == 1 && _fields[0].Length == 0 && !_fields[0].Quoted;

    /// <summary>Returns a field of the current record, unescaped.</summary>
    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            var field = _fields[index];
            var raw = _text.AsSpan(field.Start, field.Length);
            return field.Escaped ? raw.ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : raw;
        }
    }

    /// <summary>Reads the next record; false at the end of the text.</summary>
    /// <exception cref="InvalidDataFileException">A quoted field is not closed or is followed by other characters.</exception>
    public bool ReadRecord()
    {
        _fields.Clear();
        if (_position >= _text.Length)
        {
            return false;
        }

        RecordLine = _line;
        while (true)
        {
            var endOfRecord = _position < _text.Length && _text[_position] == '"' ? ReadQuotedField() : ReadPlainField();
            if (endOfRecord)
            {
                return true;
            }
        }
    }

    private bool ReadPlainField()
    {
        var start = _position;
        var end = _text.AsSpan(start).IndexOfAny(FieldEnds);
        if (end < 0)
        {
            _fields.Add(new Field(start, _text.Length - start, false, false));
            _position = _text.Length;
            return true;
        }

        _position = start + end;
        if (_text[_position] == '"')
        {
            throw new InvalidDataFileException(
                _path, _line, _fields.Count + 1, DataFileError.QuoteInUnquotedField, []);
        }

        _fields.Add(new Field(start, end, false, false));
        return EndField();
    }

    private bool ReadQuotedField()
    {
        var openingLine = _line;
        var start = _position + 1;
        var search = start;
        var escaped = false;
        while (true)
        {
            var quote = _text.IndexOf('"', search);
            if (quote < 0)
            {
                throw new InvalidDataFileException(_path, openingLine, _fields.Count + 1, DataFileError.UnclosedQuote, []);
            }

            _line += _text.AsSpan(search, quote - search).Count('\n');
            if (quote + 1 < _text.Length && _text[quote + 1] == '"')
            {
                escaped = true;
                search = quote + 2;
                continue;
            }

            _fields.Add(new Field(start, quote - start, true, escaped));
            _position = quote + 1;
            break;
        }

        if (_position < _text.Length && _text[_position] is not (',' or '\r' or '\n'))
        {
            throw new InvalidDataFileException(
                _path, _line, _fields.Count, DataFileError.TextAfterClosingQuote, []);
        }

        return EndField();
    }

    // At a separator or line end after a field: consumes it and returns true at the end of the record.
    private bool EndField()
    {
        if (_position >= _text.Length)
        {
            return true;
        }

        var separator = _text[_position++];
        if (separator == ',')
        {
            if (_position >= _text.Length)
            {
                // A trailing comma at the end of the text still ends with one empty field.
                _fields.Add(new Field(_position, 0, false, false));
                return true;
            }

            return false;
        }

        if (separator == '\r' && _position < _text.Length && _text[_position] == '\n')
        {
            _position++;
        }

        _line++;
        return true;
    }

    private readonly record struct Field(int Start, int Length, bool Quoted, bool Escaped);
}
