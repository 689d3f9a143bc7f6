using Portal.Core.Excel;
using Xunit;

namespace Portal.Tests.Core.Excel;

public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=SUM(A1)")]
    [InlineData("+44 1234")]
    [InlineData("-5")]
    [InlineData("@cmd")]
    [InlineData("\tx")]
    [InlineData("\rx")]
    [InlineData("\0x")]
    public void A_value_starting_with_a_formula_character_gets_a_leading_quote(string value)
    {
        Assert.Equal("'" + value, SpreadsheetText.Neutralise(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Case 12")]
    [InlineData("5")]
    [InlineData("O'Brien")]
    [InlineData(" =not at the start")]
    [InlineData("x=1")]
    public void Other_values_are_left_as_they_are(string value)
    {
        Assert.Same(value, SpreadsheetText.Neutralise(value));
    }

    [Theory]
    [InlineData("=SUM(A1)")]
    [InlineData("-5")]
    [InlineData("@cmd")]
    [InlineData("Plain")]
    public void Restore_undoes_Neutralise(string value)
    {
        Assert.Equal(value, SpreadsheetText.Restore(SpreadsheetText.Neutralise(value)));
    }

    [Theory]
    [InlineData("'Tis the season")]
    [InlineData("'")]
    public void Restore_keeps_an_apostrophe_that_was_not_added_by_Neutralise(string value)
    {
        Assert.Equal(value, SpreadsheetText.Restore(value));
    }
}
