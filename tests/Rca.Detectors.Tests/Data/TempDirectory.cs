namespace Rca.Detectors.Tests.Data;

/// <summary>A scratch folder for one test, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("rca-tests-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes a UTF-8 file (no byte order mark) under the folder and returns its path.</summary>
    public string Write(string relativePath, string content)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
