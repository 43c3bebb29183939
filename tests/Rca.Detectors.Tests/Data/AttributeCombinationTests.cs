using Rca.Detectors.Data;

namespace Rca.Detectors.Tests.Data;

public sealed class AttributeCombinationTests
{
    [Fact]
    public void Parse_SortsPairsByName()
    {
        var combination = AttributeCombination.Parse("b=b2&a=a1");

        Assert.Equal("a=a1&b=b2", combination.ToString());
        Assert.Equal(2, combination.Layer);
    }

    [Fact]
    public void ParseSet_RemovesDuplicates()
    {
        var set = AttributeCombination.ParseSet("b=b2&a=a1;c=c3;a=a1&b=b2");

        Assert.Equal("a=a1&b=b2;c=c3", AttributeCombination.FormatSet(set));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("=a1")]
    [InlineData("a=a1&a=a2")]
    public void Parse_InvalidText_Throws(string text)
    {
        Assert.Throws<FormatException>(() => AttributeCombination.Parse(text));
    }
}
