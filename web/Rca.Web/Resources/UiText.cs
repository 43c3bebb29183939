namespace Rca.Web.Resources;

/// <summary>
/// The marker type of <c>UiText.resx</c>, the dashboard's user-facing text (English default,
/// <c>UiText.zh-Hans.resx</c> for Simplified Chinese).
/// </summary>
public sealed class UiText
{
    private UiText()
    {
    }
}
