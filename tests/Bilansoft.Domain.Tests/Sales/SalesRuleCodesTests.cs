using System.Reflection;
using System.Text.RegularExpressions;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Domain.Tests.Sales;

public partial class SalesRuleCodesTests
{
    [Fact]
    public void All_ContainsEveryConstantOnce()
    {
        var constants = typeof(SalesRuleCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToArray();

        Assert.Equal(constants.Order(), SalesRuleCodes.All.Order());
        Assert.Equal(SalesRuleCodes.All.Count, SalesRuleCodes.All.Distinct().Count());
    }

    [Fact]
    public void All_AreAreaDotKebabCase()
    {
        foreach (var code in SalesRuleCodes.All)
        {
            Assert.Matches(CodePattern(), code);
        }
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)*\\.[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
