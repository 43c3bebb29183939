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

                Expect(']', "',' or ']' in the list of causes");
                break;
            }
        }
        else if (Peek() == '{')
        {
            combinations.Add(ParseMapping());
        }
        else
        {
            throw Error("expected a mapping such as {'bitrate': 2000} or a list of mappings");
        }

        SkipSpaces();
        if (_position < line.Length)
        {
            throw Error("unexpected text after the cause");
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
        Expect('{', "'{' to start a mapping");
        var pairs = new List<KeyValuePair<string, string>>();
        SkipSpaces();
        if (Peek() == '}')
        {
            throw Error("an empty cause mapping. Expected at least one attribute: value pair");
        }

        while (true)
        {
            SkipSpaces();
            var keyColumn = _position;
            var key = ParseScalar();
            if (key.Length == 0)
            {
                throw Error("an empty attribute name");
            }

            SkipSpaces();
            Expect(':', "':' after the attribute name");
            SkipSpaces();
            var value = ParseScalar();
            foreach (var pair in pairs)
            {
                if (pair.Key == key)
                {
                    throw new InvalidDataFileException(path, lineNumber, keyColumn + 1, $"attribute '{key}' appears twice in one cause mapping");
                }
            }

            pairs.Add(new(key, value));
            SkipSpaces();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }

            Expect('}', "',' or '}' in the cause mapping");
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
                    throw Error("a quoted scalar is not closed");
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

    private void Expect(char expected, string description)
    {
        if (Peek() != expected)
        {
            throw Error($"expected {description}");
        }

        _position++;
    }

    private InvalidDataFileException Error(string problem) => new(path, lineNumber, _position + 1, problem);
}
