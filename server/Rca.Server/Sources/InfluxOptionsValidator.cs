using Microsoft.Extensions.Options;

namespace Rca.Server.Sources;

/// <summary>Validates every InfluxDB connection at start-up, so a bad URL fails the host and not the first check.</summary>
internal sealed class InfluxOptionsValidator : IValidateOptions<InfluxOptions>
{
    public ValidateOptionsResult Validate(string? name, InfluxOptions options)
    {
        var failures = new List<string>();
        Check(failures, InfluxOptions.SectionName, options.Default);
        foreach (var (connectionName, connection) in options.Connections)
        {
            Check(failures, $"{InfluxOptions.SectionName}:Connections:{connectionName}", connection);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string path, InfluxConnectionOptions connection)
    {
        if (!Uri.TryCreate(connection.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{path}:Url is invalid: '{connection.Url}'. Expected an absolute http or https URL such as http://127.0.0.1:8086.");
        }
        else if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            failures.Add($"{path}:Url contains user information. Set {path}:Username and {path}:Password instead.");
        }

        if (!string.IsNullOrEmpty(connection.Token) && !string.IsNullOrEmpty(connection.Username))
        {
            failures.Add($"{path} sets both Token and Username. Set Token for InfluxDB 2.x/3.x or Username and Password for 1.x, not both.");
        }

        if (!string.IsNullOrEmpty(connection.Password) && string.IsNullOrEmpty(connection.Username))
        {
            failures.Add($"{path}:Password is set without {path}:Username.");
        }

        if (connection.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{path}:Timeout is {connection.Timeout}. Expected a positive duration such as 00:00:30.");
        }
    }
}
