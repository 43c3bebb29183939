namespace Rca.Web.Tests;

public sealed class CultureRouteTests
{
    [Theory]
    [InlineData("/incidents/3", true)]
    [InlineData("/", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("", false)]
    public void CultureReturnUrl_OnlyLocalPaths(string url, bool expected) =>
        Assert.Equal(expected, RcaWebExtensions.IsLocalPath(url));
}
