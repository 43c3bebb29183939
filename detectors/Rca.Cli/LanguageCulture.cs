using System.Globalization;

namespace Rca.Cli;

/// <summary>
/// A UI culture that carries a language tag for resource lookup but formats like the
/// invariant culture.
/// </summary>
/// <remarks>
/// NOTE: the solution builds with <c>InvariantGlobalization</c>, where <c>new CultureInfo("zh-Hans")</c>
/// throws <see cref="CultureNotFoundException"/>, and with the switch that allows it the name
/// becomes <c>zh-HANS</c>, which misses the <c>zh-Hans</c> satellite folder on a case-sensitive
/// file system. <see cref="System.Resources.ResourceManager"/> only needs <see cref="Name"/> and
/// <see cref="Parent"/>, so this subclass of the invariant culture supplies them.
/// </remarks>
internal sealed class LanguageCulture : CultureInfo
{
    private readonly string _name;

    public LanguageCulture(string name)
        : base(string.Empty)
    {
        _name = name;
    }

    public override string Name => _name;

    public override CultureInfo Parent => InvariantCulture;
}
