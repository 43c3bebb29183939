namespace Rca.Server.Sources;

/// <summary>
/// A KPI could not be read from its store: the store was unreachable, rejected the query, or
/// returned a response that does not fit the KPI. The message names the KPI, the store URL
/// (without credentials) and the store's own error text.
/// </summary>
public sealed class KpiSourceException : Exception
{
    /// <summary>Creates the exception for a KPI.</summary>
    /// <param name="kpiName">The KPI that was being read.</param>
    /// <param name="message">The full message, which names the KPI, the URL and the cause.</param>
    /// <param name="innerException">The transport or parse error, if any.</param>
    public KpiSourceException(string kpiName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        KpiName = kpiName;
    }

    /// <summary>The KPI that was being read.</summary>
    public string KpiName { get; }
}
