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
                RequireFile(file, Path.Combine(folder, stem + SqueezeCsvReader.DenominatorSuffix), "denominator");
            }
            else if (name.EndsWith(SqueezeCsvReader.DenominatorSuffix, StringComparison.Ordinal))
            {
                stem = name[..^SqueezeCsvReader.DenominatorSuffix.Length];
                RequireFile(file, Path.Combine(folder, stem + SqueezeCsvReader.NumeratorSuffix), "numerator");
                continue;
            }
            else
            {
                stem = name[..^".csv".Length];
            }

            if (stems.TryGetValue(stem, out var other))
            {
                throw new InvalidDataFileException(
                    file, null, null, $"case {stem} is given twice, also as '{Path.GetFileName(other)}'. Keep either {stem}.csv or the .a.csv/.b.csv pair");
            }

            stems.Add(stem, file);
        }

        foreach (var (stem, file) in stems)
        {
            if (!truth.TryGetValue(stem, out var row))
            {
                throw new InvalidDataFileException(
                    file, null, null, $"the case file has no ground-truth row with timestamp {stem} in {injectionInfo}");
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
                    injectionInfo, row.Line, null, $"no case file {timestamp}.csv or {timestamp}.a.csv for this ground-truth row in {folder}");
            }
        }
    }

    private static void RequireFile(string file, string pair, string role)
    {
        if (!File.Exists(pair))
        {
            throw new InvalidDataFileException(
                file, null, null, $"the {role} file '{Path.GetFileName(pair)}' is missing. A derived case needs both the .a.csv and the .b.csv file");
        }
    }
}
