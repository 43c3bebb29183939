namespace Rca.Detectors.Data;

/// <summary>
/// The error raised when a data file is malformed: it names the file, the 1-based line and,
/// where one field is at fault, the 1-based column. In a CSV file the column is the field
/// number, and in a YAML manifest it is the character position in the line.
/// </summary>
/// <remarks>
/// <see cref="Exception.Message"/> reads <c>path:line:column: problem</c>, or
/// <c>path:line: problem</c> when no single column is at fault, or <c>path: problem</c> when
/// the problem concerns the whole file.
/// </remarks>
public sealed class InvalidDataFileException : Exception
{
    /// <summary>Creates the error for a position in a file.</summary>
    /// <param name="path">The file path, or the display name of a stream.</param>
    /// <param name="line">The 1-based line, or null for a problem with the whole file.</param>
    /// <param name="column">The 1-based CSV field number or YAML character position, or null when no single column is at fault.</param>
    /// <param name="problem">What is wrong and what was expected, without the position.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public InvalidDataFileException(string path, int? line, int? column, string problem, Exception? innerException = null)
        : base(Format(path, line, column, problem), innerException)
    {
        Path = path;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file path, or the display name of a stream.</summary>
    public string Path { get; }

    /// <summary>The 1-based line of the problem, or null for a problem with the whole file.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column (CSV field number or YAML character position), or null when no single column is at fault.</summary>
    public int? Column { get; }

    /// <summary>The problem without the position prefix.</summary>
    public string Problem { get; }

    private static string Format(string path, int? line, int? column, string problem)
    {
        if (line is null)
        {
            return $"{path}: {problem}";
        }

        return column is null ? $"{path}:{line}: {problem}" : $"{path}:{line}:{column}: {problem}";
    }
}
