using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rca.Server.Sources;

namespace Rca.Server.Tests.Sources;

public sealed class InfluxOptionsTests
{
    [Fact]
    public void AddKpiSources_BindsDefaultAndNamed()
    {
        using var provider = KpiSources.CreateProvider(new Dictionary<string, string?>
        {
            ["Influx:Url"] = "http://127.0.0.1:9999",
            ["Influx:Database"] = "kpi",
            ["Influx:Timeout"] = "00:00:05",
            ["Influx:Connections:Cloud:Url"] = "https://influx.invalid/prefix",
            ["Influx:Connections:Cloud:Token"] = "tok",
            ["Influx:Connections:Cloud:Organization"] = "ops",
        });

        var options = provider.GetRequiredService<IOptions<InfluxOptions>>().Value;

        Assert.Equal("http://127.0.0.1:9999", options.Default.Url);
        Assert.Equal("kpi", options.Default.Database);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Default.Timeout);
        Assert.True(options.TryGetConnection("cloud", out var cloud));
        Assert.Equal("https://influx.invalid/prefix", cloud.Url);
        Assert.Equal("tok", cloud.Token);
        Assert.Equal("ops", cloud.Organization);
        Assert.False(options.TryGetConnection("other", out _));
        Assert.IsType<IKpiSource>(provider.GetRequiredService<IKpiSource>(), exactMatch: false);
    }

    [Theory]
    [InlineData("Influx:Url", "not a url", "Influx:Url is invalid")]
    [InlineData("Influx:Url", "ftp://127.0.0.1", "Influx:Url is invalid")]
    [InlineData("Influx:Url", "http://user:pw@127.0.0.1:8086", "contains user information")]
    [InlineData("Influx:Timeout", "00:00:00", "Timeout is 00:00:00")]
    [InlineData("Influx:Connections:x:Password", "pw", "Influx:Connections:x:Password is set without")]
    public void Validate_InvalidSetting_FailsNamingKey(string key, string value, string expected)
    {
        using var provider = KpiSources.CreateProvider(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InfluxOptions>>().Value);

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Validate_TokenAndUsername_Fails()
    {
        using var provider = KpiSources.CreateProvider(new Dictionary<string, string?>
        {
            ["Influx:Token"] = "t",
            ["Influx:Username"] = "u",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InfluxOptions>>().Value);

        Assert.Contains("sets both Token and Username", error.Message);
    }

    [Fact]
    public void DisplayUrl_DropsUserInfoAndQuery()
    {
        var connection = new InfluxConnectionOptions { Url = "http://user:secret@127.0.0.1:8086/prefix?p=secret" };

        Assert.Equal("http://127.0.0.1:8086/prefix", connection.DisplayUrl());
    }
}
