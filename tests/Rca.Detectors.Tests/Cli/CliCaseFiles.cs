using System.Globalization;
using System.Text;
using Rca.Detectors.Tests.Data;

namespace Rca.Detectors.Tests.Cli;

/// <summary>
/// Small cases with one known root cause, <c>a=a2</c>: 60 leaves over a (4 values), b (5) and
/// c (3), whose a2 leaves fall to about 30 % of their forecast while the others stay within one
/// unit of it.
/// </summary>
internal static class CliCaseFiles
{
    public const string RootCause = "a=a2";

    public static string WriteFundamental(TempDirectory directory, string name = "case.csv")
    {
        var text = new StringBuilder("real,predict,a,b,c\n");
        foreach (var (a, b, c) in Leaves())
        {
            var forecast = 100 + (7 * (((a * 13) + (b * 5) + (c * 3)) % 11));
            var actual = a == 2
                ? Math.Round(forecast * (0.28 + (0.01 * ((b + c) % 4))))
                : forecast + ((a + b + c) % 3) - 1;
            text.Append(CultureInfo.InvariantCulture, $"{actual},{forecast},a{a},b{b},c{c}\n");
        }

        return directory.Write(name, text.ToString());
    }

    /// <summary>Writes <c>{stem}.a.csv</c> (successes) and <c>{stem}.b.csv</c> (requests) and returns the stem path.</summary>
    public static string WriteDerived(TempDirectory directory, string stem = "ratio")
    {
        var numerator = new StringBuilder("real,predict,a,b,c\n");
        var denominator = new StringBuilder("real,predict,a,b,c\n");
        foreach (var (a, b, c) in Leaves())
        {
            var forecast = 900 + (10 * ((a + b + c) % 5));
            var actual = a == 2 ? forecast / 2 : forecast;
            numerator.Append(CultureInfo.InvariantCulture, $"{actual},{forecast},a{a},b{b},c{c}\n");
            denominator.Append(CultureInfo.InvariantCulture, $"1000,1000,a{a},b{b},c{c}\n");
        }

        directory.Write(stem + ".a.csv", numerator.ToString());
        directory.Write(stem + ".b.csv", denominator.ToString());
        return Path.Combine(directory.Path, stem);
    }

    private static IEnumerable<(int A, int B, int C)> Leaves()
    {
        for (var a = 1; a <= 4; a++)
        {
            for (var b = 1; b <= 5; b++)
            {
                for (var c = 1; c <= 3; c++)
                {
                    yield return (a, b, c);
                }
            }
        }
    }
}
