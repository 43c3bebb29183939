using Microsoft.Extensions.Localization;

namespace Rca.Web.Components.Shared;

/// <summary>
/// Translations of stored values such as check triggers and job states, looked up as
/// <c>prefix + value</c> in the UI resources.
/// </summary>
internal static class LocalizedValue
{
    /// <summary>
    /// Returns the resource named <paramref name="prefix"/> + <paramref name="value"/>, or the value
    /// itself when there is no such resource, so a value added on the server still shows.
    /// </summary>
    public static string Text(IStringLocalizer localizer, string prefix, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "–";
        }

        var text = localizer[prefix + value];
        return text.ResourceNotFound ? value : text.Value;
    }
}
