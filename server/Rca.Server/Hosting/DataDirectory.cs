namespace Rca.Server.Hosting;

/// <summary>
/// Resolves <c>Data:Directory</c>, the folder that contains the embedded databases (default <c>.data</c>,
/// relative to the content root).
/// </summary>
internal static class DataDirectory
{
    public const string ConfigKey = "Data:Directory";

    /// <summary>Returns the absolute data directory and creates it when missing.</summary>
    public static string Resolve(IConfiguration configuration, string contentRootPath)
    {
        var configured = configuration[ConfigKey];
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? ".data" : configured, contentRootPath);
        Directory.CreateDirectory(path);
        return path;
    }
}
