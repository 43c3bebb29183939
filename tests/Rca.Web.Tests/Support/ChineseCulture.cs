using System.Globalization;

namespace Rca.Web.Tests.Support;

/// <summary>
/// The zh-Hans UI culture as the server sets it. The solution runs with invariant globalization,
/// where <c>new CultureInfo("zh-Hans")</c> throws. So this invariant culture only carries the name
/// that the resource manager needs to find the satellite assembly.
/// </summary>
internal sealed class ChineseCulture : CultureInfo
{
    public ChineseCulture()
        : base(string.Empty)
    {
    }

    public override string Name => "zh-Hans";

    public override CultureInfo Parent => InvariantCulture;
}
