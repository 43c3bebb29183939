namespace Rca.Server.Tests.Support;

/// <summary>
/// Every test class that builds a host joins this collection: Hangfire keeps process-wide
/// statics (JobStorage.Current), so hosts built in parallel would share the wrong storage.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostCollection
{
    public const string Name = "Host";
}
