using System.Globalization;
using Rca.Detectors.Resources;

namespace Rca.Detectors.Data;

/// <summary>
/// The error raised when a data file is malformed: it names the file, the 1-based line and,
/// where one field is at fault, the 1-based column. In a CSV file the column is the field
/// number, and in a YAML manifest it is the character position in the line.
/// </summary>
/// <remarks>
/// <see cref="Exception.Message"/> reads <c>path:line:column: problem</c>, or
/// <c>path:line: problem</c> when no single column is at fault, or <c>path: problem</c> when
/// the problem concerns the whole file. An error created with a <see cref="DataFileError"/>
/// code takes its problem text from the resources in the language of
/// <see cref="CultureInfo.CurrentUICulture"/> at construction (English, or Simplified Chinese
/// for zh-Hans); <see cref="Code"/> and <see cref="Arguments"/> identify it in any language.
/// </remarks>
public sealed class InvalidDataFileException : Exception
{
    /// <summary>Creates the error for a position in a file from a problem text, with <see cref="Code"/> <see cref="DataFileError.Unspecified"/>.</summary>
    /// <param name="path">The file path, or the display name of a stream.</param>
    /// <param name="line">The 1-based line, or null for a problem with the whole file.</param>
    /// <param name="column">The 1-based CSV field number or YAML character position, or null when no single column is at fault.</param>
    /// <param name="problem">What is wrong and what was expected, without the position.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public InvalidDataFileException(string path, int? line, int? column, string problem, Exception? innerException = null)
        : this(path, line, column, problem, DataFileError.Unspecified, [], innerException)
    {
    }

    /// <summary>Creates the error for a position in a file from an error code and the values its text names.</summary>
    /// <param name="path">The file path, or the display name of a stream.</param>
    /// <param name="line">The 1-based line, or null for a problem with the whole file.</param>
    /// <param name="column">The 1-based CSV field number or YAML character position, or null when no single column is at fault.</param>
    /// <param name="code">What is wrong; must not be <see cref="DataFileError.Unspecified"/>.</param>
    /// <param name="arguments">The format arguments of the code's text, in the order <see cref="DataFileError"/> lists them.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> has no resource text.</exception>
    public InvalidDataFileException(string path, int? line, int? column, DataFileError code, object?[] arguments, Exception? innerException = null)
        : this(path, line, column, DataErrors.Format(code, CultureInfo.CurrentUICulture, arguments), code, arguments, innerException)
    {
    }

    private InvalidDataFileException(string path, int? line, int? column, string problem, DataFileError code, object?[] arguments, Exception? innerException)
        : base(Format(path, line, column, problem), innerException)
    {
        Path = path;
        Line = line;
        Column = column;
        Problem = problem;
        Code = code;
        Arguments = arguments;
    }

    /// <summary>The file path, or the display name of a stream.</summary>
    public string Path { get; }

    /// <summary>The 1-based line of the problem, or null for a problem with the whole file.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column (CSV field number or YAML character position), or null when no single column is at fault.</summary>
    public int? Column { get; }

    /// <summary>The problem without the position prefix, in the language it was created in.</summary>
    public string Problem { get; }

    /// <summary>The language-independent kind of problem, or <see cref="DataFileError.Unspecified"/> for an error created from a problem text.</summary>
    public DataFileError Code { get; }

    /// <summary>The values the problem text names (file names, column names, cell texts, numbers), empty for an unspecified code.</summary>
    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>
    /// Returns the problem text in the language of <paramref name="uiCulture"/>, for a caller
    /// that responds in another language than the one the error was created in. An error without
    /// a code returns <see cref="Problem"/>.
    /// </summary>
    public string FormatProblem(CultureInfo uiCulture)
    {
        ArgumentNullException.ThrowIfNull(uiCulture);
        return Code == DataFileError.Unspecified ? Problem : DataErrors.Format(Code, uiCulture, [.. Arguments]);
    }

    private static string Format(string path, int? line, int? column, string problem)
    {
        if (line is null)
        {
            return $"{path}: {problem}";
        }

        return column is null ? $"{path}:{line}: {problem}" : $"{path}:{line}:{column}: {problem}";
    }
}
