using System.Net.Http.Headers;
using System.Text;

namespace Rca.Server.Sources;

/// <summary>Builds requests to the InfluxDB v1 HTTP API for one connection.</summary>
internal static class InfluxHttp
{
    /// <summary>Returns the absolute URI of <paramref name="endpoint"/> (such as <c>query</c>) under the connection's base URL, keeping any path prefix.</summary>
    public static Uri Endpoint(InfluxConnectionOptions connection, string endpoint)
    {
        var baseUrl = connection.Url.EndsWith('/') ? connection.Url : connection.Url + "/";
        return new Uri(new Uri(baseUrl, UriKind.Absolute), endpoint);
    }

    /// <summary>Adds the connection's credentials to <paramref name="request"/>: a token, HTTP Basic, or nothing.</summary>
    public static void Authorize(HttpRequestMessage request, InfluxConnectionOptions connection)
    {
        if (!string.IsNullOrEmpty(connection.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", connection.Token);
        }
        else if (!string.IsNullOrEmpty(connection.Username))
        {
            var credentials = Encoding.UTF8.GetBytes($"{connection.Username}:{connection.Password}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(credentials));
        }
    }

    /// <summary>Returns up to 1,000 characters of an error response body, for messages.</summary>
    public static async Task<string> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        body = body.Trim();
        return body.Length <= 1000 ? body : body[..1000] + "…";
    }
}
