namespace Rca.Cli;

/// <summary>
/// A one-line progress bar on standard error (<c>[#####-----] text</c>), redrawn in place with a
/// carriage return.
/// It writes nothing unless standard error is a terminal, so redirected output and JSON on
/// standard output stay clean.
/// </summary>
/// <remarks>
/// ShellProgressBar 5.2.0 was not used because it draws on standard output through
/// <see cref="Console"/>, with no way to send it to standard error.
/// </remarks>
internal sealed class ProgressLine : IProgress<int>, IDisposable
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);
    private const int BarWidth = 20;

    private readonly TextWriter _writer;
    private readonly bool _enabled;
    private readonly Func<int, string> _format;
    private readonly int _total;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private long _lastDraw = long.MinValue;
    private int _lastWidth;
    private int _done;

    /// <param name="console">The console whose standard error shows the line.</param>
    /// <param name="format">Formats the line from the number of items done.</param>
    /// <param name="total">The number of items, for the final redraw.</param>
    /// <param name="time">The clock that limits redraws to ten a second.</param>
    public ProgressLine(CliConsole console, Func<int, string> format, int total, TimeProvider time)
    {
        _writer = console.Error;
        _enabled = console.IsErrorTerminal;
        _format = format;
        _total = total;
        _time = time;
    }

    public void Report(int value)
    {
        if (!_enabled)
        {
            return;
        }

        lock (_gate)
        {
            // Reports from parallel workers can arrive out of order; the line never goes back.
            _done = Math.Max(_done, value);
            var now = _time.GetTimestamp();
            if (_lastDraw != long.MinValue && _done < _total && _time.GetElapsedTime(_lastDraw, now) < RedrawInterval)
            {
                return;
            }

            _lastDraw = now;
            Draw(Bar(_done) + " " + _format(_done));
        }
    }

    public void Dispose()
    {
        if (!_enabled)
        {
            return;
        }

        lock (_gate)
        {
            if (_lastWidth > 0)
            {
                // Clear the line so that the next message starts in column one.
                _writer.Write('\r' + new string(' ', _lastWidth) + '\r');
                _writer.Flush();
                _lastWidth = 0;
            }
        }
    }

    private string Bar(int done)
    {
        var filled = _total > 0 ? (int)Math.Round(BarWidth * Math.Clamp(done / (double)_total, 0, 1)) : BarWidth;
        return "[" + new string('#', filled) + new string('-', BarWidth - filled) + "]";
    }

    private void Draw(string text)
    {
        var width = TextTable.DisplayWidth(text);
        var padding = _lastWidth > width ? new string(' ', _lastWidth - width) : string.Empty;
        _writer.Write('\r' + text + padding);
        _writer.Flush();
        _lastWidth = width;
    }
}
