using Rca.Detectors.Data;

namespace Rca.Detectors.Evaluation;

/// <summary>
/// The labelled cases found under one folder, in a fixed order: folders in ordinal order of
/// their relative paths, then Squeeze-layout cases by file stem and RS cases in manifest order.
/// </summary>
public sealed class EvaluationDataset
{
    private EvaluationDataset(string root, IReadOnlyList<EvaluationCase> cases)
    {
        Root = root;
        Cases = cases;
    }

    /// <summary>The full path of the folder the cases were found under.</summary>
    public string Root { get; }

    /// <summary>The cases, in discovery order.</summary>
    public IReadOnlyList<EvaluationCase> Cases { get; }

    /// <summary>
    /// Finds every case under <paramref name="directory"/> and its subfolders. A folder with
    /// <c>injection_info.csv</c> contains <c>{timestamp}.csv</c> cases or
    /// <c>{timestamp}.a.csv</c> + <c>{timestamp}.b.csv</c> pairs. A folder with
    /// <c>anomaly.yaml</c> is in the RS layout. Folders with neither are only searched for
    /// subfolders. Case files are read later, by <see cref="EvaluationCase.Load"/>.
    /// </summary>
    /// <exception cref="InvalidDataFileException">
    /// The folder does not exist or contains no case, a ground-truth file is malformed, a case file
    /// has no ground truth, ground truth names a missing case file, or a derived case lacks one
    /// of its two files.
    /// </exception>
    public static EvaluationDataset Discover(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new InvalidDataFileException(directory, null, null, DataFileError.FolderNotFound, []);
        }

        var cases = new List<EvaluationCase>();
        DiscoverFolder(root, root, cases);
        if (cases.Count == 0)
        {
            throw new InvalidDataFileException(
                directory, null, null, DataFileError.NoCases, [InjectionInfoFile.FileName, RsDatasetReader.ManifestFileName]);
        }

        return new EvaluationDataset(root, cases);
    }

    private static void DiscoverFolder(string root, string folder, List<EvaluationCase> cases)
    {
        var injectionInfo = Path.Combine(folder, InjectionInfoFile.FileName);
        var manifest = Path.Combine(folder, RsDatasetReader.ManifestFileName);
        var hasInjectionInfo = File.Exists(injectionInfo);
        var hasManifest = File.Exists(manifest);
        if (hasInjectionInfo && hasManifest)
        {
            throw new InvalidDataFileException(
                folder, null, null, DataFileError.MixedLayouts, [InjectionInfoFile.FileName, RsDatasetReader.ManifestFileName]);
        }

        var relativeFolder = RelativeId(root, folder);
        if (hasInjectionInfo)
        {
            SqueezeFolder.Discover(root, folder, relativeFolder, injectionInfo, cases);
        }
        else if (hasManifest)
        {
            DiscoverRsFolder(root, folder, relativeFolder, manifest, cases);
        }

        var subfolders = Directory.GetDirectories(folder);
        Array.Sort(subfolders, StringComparer.Ordinal);
        foreach (var subfolder in subfolders)
        {
            DiscoverFolder(root, subfolder, cases);
        }
    }

    private static void DiscoverRsFolder(string root, string folder, string relativeFolder, string manifest, List<EvaluationCase> cases)
    {
        var entries = RsDatasetReader.ReadManifest(manifest);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var file = Path.Combine(folder, entry.Stem + ".csv");
            if (!File.Exists(file))
            {
                throw new InvalidDataFileException(
                    manifest, entry.Line, null, DataFileError.CaseFileNotFound, [entry.Stem, folder]);
            }

            listed.Add(file);
            var timestamp = entry.Timestamp;
            cases.Add(new EvaluationCase(
                RelativeId(root, Path.Combine(folder, entry.Stem)),
                relativeFolder,
                entry.RootCause,
                () => RsDatasetReader.ReadCase(file, timestamp)));
        }

        foreach (var file in SortedCsvFiles(folder))
        {
            if (!listed.Contains(file))
            {
                throw new InvalidDataFileException(
                    file, null, null, DataFileError.CaseFileNotInManifest, [manifest]);
            }
        }
    }

    /// <summary>Returns the CSV files of a folder in ordinal order of their names.</summary>
    internal static string[] SortedCsvFiles(string folder)
    {
        var files = Directory.GetFiles(folder, "*.csv");
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    /// <summary>Returns a path relative to the root with forward slashes, or "" for the root.</summary>
    internal static string RelativeId(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative == "." ? string.Empty : relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
