using Rca.Detectors.Data;

namespace Rca.Detectors.Evaluation;

/// <summary>
/// Discovers the cases of one Squeeze-layout folder and matches them to the rows of its
/// <c>injection_info.csv</c>, one to one.
/// </summary>
internal static class SqueezeFolder
{
    public static void Discover(string root, string folder, string relativeFolder, string injectionInfo, List<EvaluationCase> cases)
    {
        var truth = InjectionInfoFile.Read(injectionInfo);

        // Case stems in ordinal order, each with its file: {ts}.csv, or {ts}.a.csv for a derived case.
        var stems = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in EvaluationDataset.SortedCsvFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (name == InjectionInfoFile.FileName)
            {
                continue;
            }

            string stem;
            if (name.EndsWith(SqueezeCsvReader.NumeratorSuffix, StringComparison.Ordinal))
            {
                stem = name[..^SqueezeCsvReader.NumeratorSuffix.Length];
                RequireFile(file, Path.Combine(folder, stem + SqueezeCsvReader.DenominatorSuffix), DataFileError.DenominatorFileMissing);
            }
            else if (name.EndsWith(SqueezeCsvReader.DenominatorSuffix, StringComparison.Ordinal))
            {
                stem = name[..^SqueezeCsvReader.DenominatorSuffix.Length];
                RequireFile(file, Path.Combine(folder, stem + SqueezeCsvReader.NumeratorSuffix), DataFileError.NumeratorFileMissing);
                continue;
            }
            else
            {
                stem = name[..^".csv".Length];
            }

            if (stems.TryGetValue(stem, out var other))
            {
                throw new InvalidDataFileException(
                    file, null, null, DataFileError.CaseGivenTwice, [stem, Path.GetFileName(other)]);
            }

            stems.Add(stem, file);
        }

        foreach (var (stem, file) in stems)
        {
            if (!truth.TryGetValue(stem, out var row))
            {
                throw new InvalidDataFileException(
                    file, null, null, DataFileError.NoGroundTruthRow, [stem, injectionInfo]);
            }

            cases.Add(new EvaluationCase(
                EvaluationDataset.RelativeId(root, Path.Combine(folder, stem)),
                relativeFolder,
                row.Set,
                () => SqueezeCsvReader.Read(file)));
        }

        foreach (var (timestamp, row) in truth)
        {
            if (!stems.ContainsKey(timestamp))
            {
                throw new InvalidDataFileException(
                    injectionInfo, row.Line, null, DataFileError.NoCaseFileForGroundTruth, [timestamp, folder]);
            }
        }
    }

    private static void RequireFile(string file, string pair, DataFileError pairMissing)
    {
        if (!File.Exists(pair))
        {
            throw new InvalidDataFileException(file, null, null, pairMissing, [Path.GetFileName(pair)]);
        }
    }
}
