namespace Rca.Cli;

/// <summary>
/// An invalid option value or argument found after parsing; the CLI prints the message as one
/// line and exits with <see cref="ExitCodes.InvalidInput"/>.
/// </summary>
internal sealed class CliUsageException(string message) : Exception(message);
