namespace Rca.Detectors.Data;

/// <summary>
/// Parses the value of a <c>cause</c> key: a YAML flow mapping of attribute to value, or a flow
/// sequence of such mappings, into canonical attribute combinations.
/// </summary>
internal sealed class FlowCauseParser(string path, int lineNumber, string line, int start)
{
    private int _position = start;

    /// <summary>Parses the value to the end of the line.</summary>
    public IReadOnlyList<AttributeCombination> Parse()
    {
        var combinations = new List<AttributeCombination>();
        SkipSpaces();
        if (Peek() == '[')
        {
            _position++;
            while (true)
            {
                SkipSpaces();
                combinations.Add(ParseMapping());
                SkipSpaces();
                if (Peek() == ',')
                {
                    _position++;
                    continue;
                }

                Expect(']', DataFileError.ExpectedCauseListSeparator);
                break;
            }
        }
        else if (Peek() == '{')
        {
            combinations.Add(ParseMapping());
        }
        else
        {
            throw Error(DataFileError.ExpectedCause);
        }

        SkipSpaces();
        if (_position < line.Length)
        {
            throw Error(DataFileError.TextAfterCause);
        }

        combinations.Sort();
        var distinct = new List<AttributeCombination>(combinations.Count);
        foreach (var combination in combinations)
        {
            if (distinct.Count == 0 || !distinct[^1].Equals(combination))
            {
                distinct.Add(combination);
            }
        }

        return distinct;
    }

    private AttributeCombination ParseMapping()
    {
        Expect('{', DataFileError.ExpectedMappingStart);
        var pairs = new List<KeyValuePair<string, string>>();
        SkipSpaces();
        if (Peek() == '}')
        {
            throw Error(DataFileError.EmptyCauseMapping);
        }

        while (true)
        {
            SkipSpaces();
            var keyColumn = _position;
            var key = ParseScalar();
            if (key.Length == 0)
            {
                throw Error(DataFileError.EmptyAttributeName);
            }

            SkipSpaces();
            Expect(':', DataFileError.ExpectedColonAfterAttribute);
            SkipSpaces();
            var value = ParseScalar();
            foreach (var pair in pairs)
            {
                if (pair.Key == key)
                {
                    throw new InvalidDataFileException(path, lineNumber, keyColumn + 1, DataFileError.RepeatedCauseAttribute, [key]);
                }
            }

            pairs.Add(new(key, value));
            SkipSpaces();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }

            Expect('}', DataFileError.ExpectedMappingSeparator);
            break;
        }

        return new AttributeCombination(pairs);
    }

    private string ParseScalar()
    {
        var quote = Peek();
        if (quote is '\'' or '"')
        {
            var open = _position;
            var builder = new System.Text.StringBuilder();
            _position++;
            while (true)
            {
                if (_position >= line.Length)
                {
                    _position = open;
                    throw Error(DataFileError.UnclosedQuotedScalar);
                }

                var c = line[_position++];
                if (c != quote)
                {
                    builder.Append(c);
                }
                else if (quote == '\'' && Peek() == '\'')
                {
                    // YAML escapes a single quote inside single quotes by doubling it.
                    builder.Append('\'');
                    _position++;
                }
                else
                {
                    return builder.ToString();
                }
            }
        }

        var begin = _position;
        while (_position < line.Length && line[_position] is not (',' or ':' or '}' or ']' or '{' or '['))
        {
            _position++;
        }

        return line[begin.._position].Trim();
    }

    private char Peek() => _position < line.Length ? line[_position] : '\0';

    private void SkipSpaces()
    {
        while (_position < line.Length && line[_position] == ' ')
        {
            _position++;
        }
    }

    private void Expect(char expected, DataFileError error)
    {
        if (Peek() != expected)
        {
            throw Error(error);
        }

        _position++;
    }

    private InvalidDataFileException Error(DataFileError error) => new(path, lineNumber, _position + 1, error, []);
}
