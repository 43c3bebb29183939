using Microsoft.AspNetCore.Hosting;
using Rca.Server.Tests.Support;

namespace Rca.Server.Tests.PostgreSql;

/// <summary>
/// Start-up checks of <c>Storage:Provider</c> and the Hangfire storage that goes with it.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class StorageSettingsTests
{
    [Theory]
    [InlineData("mysql", "inmemory", "", "Configuration 'Storage:Provider' must be 'sqlite' or 'postgresql', got 'mysql'.")]
    [InlineData("postgresql", "inmemory", "", "Configuration 'ConnectionStrings:Rca' is required when 'Storage:Provider' is 'postgresql'")]
    [InlineData(
        "postgresql", "sqlite", "Host=127.0.0.1;Database=rca",
        "Configuration 'Hangfire:Storage' must be 'postgresql', 'inmemory' or empty (same as 'Storage:Provider') when 'Storage:Provider' is 'postgresql', got 'sqlite'.")]
    [InlineData(
        "sqlite", "postgresql", "",
        "Configuration 'Hangfire:Storage' must be 'sqlite', 'inmemory' or empty (same as 'Storage:Provider') when 'Storage:Provider' is 'sqlite', got 'postgresql'.")]
    [InlineData("", "redis", "", "Configuration 'Hangfire:Storage' must be 'sqlite', 'inmemory' or empty (same as 'Storage:Provider'), got 'redis'.")]
    public void Start_InvalidStorage_FailsNamingSetting(string provider, string hangfire, string connection, string message)
    {
        using var factory = new ServerFactory(TestKpis.SeedJson);
        using var configured = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Storage:Provider", provider)
            .UseSetting("Hangfire:Storage", hangfire)
            .UseSetting("ConnectionStrings:Rca", connection));

        var error = Assert.ThrowsAny<Exception>(() => configured.Services);

        Assert.Contains(message, error.ToString());
    }
}
