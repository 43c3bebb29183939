using Rca.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C asks the running command to stop and lets it exit with 130; a second
    // one, if the command does not stop, terminates the process the usual way.
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        cancellation.Cancel();
    }
};

return await CliApplication.RunAsync(args, CliConsole.System, cancellation.Token);
