using System.Globalization;

namespace Rca.Server.Api;

/// <summary>
/// A UI culture that carries a language tag for resource lookup but formats like the
/// invariant culture.
/// </summary>
/// <remarks>
/// NOTE: the solution builds with <c>InvariantGlobalization</c>, where <c>new CultureInfo("zh-Hans")</c>
/// throws <see cref="CultureNotFoundException"/>. <see cref="System.Resources.ResourceManager"/>
/// only needs <see cref="Name"/> and <see cref="Parent"/> to find the satellite assembly, so this
/// subclass of the invariant culture supplies them.
/// </remarks>
internal sealed class LanguageCulture : CultureInfo
{
    public static readonly LanguageCulture English = new("en");
    public static readonly LanguageCulture SimplifiedChinese = new("zh-Hans");

    private readonly string _name;

    private LanguageCulture(string name)
        : base(string.Empty)
    {
        _name = name;
    }

    public override string Name => _name;

    public override CultureInfo Parent => InvariantCulture;
}
