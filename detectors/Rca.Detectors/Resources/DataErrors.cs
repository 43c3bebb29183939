using System.Globalization;
using System.Resources;
using Rca.Detectors.Data;

namespace Rca.Detectors.Resources;

/// <summary>
/// The problem texts of <see cref="InvalidDataFileException"/>: one entry of
/// <c>DataErrors.resx</c> (English) and <c>DataErrors.zh-Hans.resx</c> per
/// <see cref="DataFileError"/> member, named like the member.
/// </summary>
internal static class DataErrors
{
    /// <summary>The resources, looked up by the UI culture passed to <see cref="Format"/>.</summary>
    public static ResourceManager ResourceManager { get; } = new("Rca.Detectors.Resources.DataErrors", typeof(DataErrors).Assembly);

    /// <summary>
    /// Formats the problem text of <paramref name="code"/> in the language of
    /// <paramref name="uiCulture"/>. Numbers in <paramref name="arguments"/> are formatted with
    /// the invariant culture, so a file's values read the same in every language.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> has no resource text, as <see cref="DataFileError.Unspecified"/>.</exception>
    public static string Format(DataFileError code, CultureInfo uiCulture, object?[] arguments)
    {
        var template = ResourceManager.GetString(code.ToString(), uiCulture)
            ?? throw new ArgumentOutOfRangeException(nameof(code), code, "The error code has no resource text.");
        return string.Format(CultureInfo.InvariantCulture, template, arguments);
    }
}
