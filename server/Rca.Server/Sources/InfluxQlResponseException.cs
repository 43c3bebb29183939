namespace Rca.Server.Sources;

/// <summary>An error reported by InfluxDB in a <c>/query</c> response, or a response that does not fit the query.</summary>
internal sealed class InfluxQlResponseException(string message) : Exception(message);
