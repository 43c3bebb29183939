namespace Rca.Server.Hosting;

/// <summary>
/// The name of this server process, from <c>Server:Name</c> or else <c>{machine name}:{process id}</c>.
/// Each check record stores it, and Hangfire uses it as its server name, so that the work of
/// several servers on one database can be traced to each of them.
/// </summary>
internal sealed class ServerIdentity
{
    public const string Setting = "Server:Name";

    private const int MaxLength = 100;

    public ServerIdentity(IConfiguration configuration)
    {
        var configured = configuration[Setting]?.Trim();
        if (string.IsNullOrEmpty(configured))
        {
            Name = $"{Environment.MachineName}:{Environment.ProcessId}";
            return;
        }

        if (configured.Length > MaxLength)
        {
            throw new InvalidOperationException($"Configuration '{Setting}' must be at most {MaxLength} characters, got {configured.Length}.");
        }

        Name = configured;
    }

    /// <summary>The server name.</summary>
    public string Name { get; }
}
