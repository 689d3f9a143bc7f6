using System.Globalization;
using Portal.Core.Rag;
using Xunit;

namespace Portal.Tests.Core.Excel;

public sealed class RagStatusTests
{
    [Theory]
    [InlineData(RagStatus.Red)]
    [InlineData(RagStatus.Amber)]
    [InlineData(RagStatus.Green)]
    [InlineData(RagStatus.Complete)]
    public void Each_status_word_has_at_least_WCAG_AA_contrast_on_its_fill(RagStatus status)
    {
        var ratio = ContrastRatio(status.TextHex(), status.FillHex());

        Assert.True(ratio >= 4.5, $"{status}: {status.TextHex()} on {status.FillHex()} is only {ratio:F2}:1");
    }

    [Theory]
    [InlineData("Red", RagStatus.Red)]
    [InlineData(" amber ", RagStatus.Amber)]
    [InlineData("GREEN", RagStatus.Green)]
    [InlineData("complete", RagStatus.Complete)]
    public void A_typed_word_is_read_back_as_its_status(string word, RagStatus expected)
    {
        Assert.True(RagStatusWords.TryParseWord(word, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("Blue")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1")]
    public void Other_words_are_not_statuses(string? word)
    {
        Assert.False(RagStatusWords.TryParseWord(word, out _));
    }

    [Fact]
    public void Every_status_has_a_word_that_is_its_name()
    {
        foreach (var status in Enum.GetValues<RagStatus>())
        {
            Assert.Equal(status.ToString(), status.ToWord());
        }
    }

    // WCAG 2.x relative luminance and contrast ratio.
    private static double ContrastRatio(string foreground, string background)
    {
        var (lighter, darker) = (Luminance(foreground), Luminance(background)) is var (a, b) && a > b ? (a, b) : (b, a);
        return (lighter + 0.05) / (darker + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var value = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return value <= 0.03928 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(2)) + (0.0722 * Channel(4));
    }
}
