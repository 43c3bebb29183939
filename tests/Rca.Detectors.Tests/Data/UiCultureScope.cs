using System.Globalization;
using Rca.Cli;

namespace Rca.Detectors.Tests.Data;

/// <summary>
/// Sets <see cref="CultureInfo.CurrentUICulture"/> to a language as <c>rca --lang</c> does, and
/// restores the previous culture on dispose.
/// </summary>
internal sealed class UiCultureScope : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

    public UiCultureScope(string language)
    {
        CultureInfo.CurrentUICulture = new LanguageCulture(language);
    }

    public void Dispose() => CultureInfo.CurrentUICulture = _previous;
}
