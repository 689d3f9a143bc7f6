using System.Text;
using System.Xml;

namespace Portal.Core.Excel;

/// <summary>
/// Makes free text safe to put in a cell. Text pasted from Word or e-mail sometimes carries
/// control characters that XML cannot hold; left in, they make the XML writer throw halfway
/// through a download. Excel also refuses cells longer than 32,767 characters.
/// </summary>
internal static class XmlText
{
    public const int MaxCellLength = 32_767;

    public static string ForCell(string value)
    {
        // XML readers turn every CR into LF, so write what will be read: Excel's line break is LF,
        // and browsers send text-area line breaks as CRLF.
        var clean = WithoutInvalidCharacters(value);
        if (clean.Contains('\r'))
        {
            clean = clean.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        if (clean.Length <= MaxCellLength)
        {
            return clean;
        }

        // Do not cut a surrogate pair in half: that would be invalid XML again.
        var cut = char.IsHighSurrogate(clean[MaxCellLength - 1]) ? MaxCellLength - 1 : MaxCellLength;
        return clean[..cut];
    }

    private static string WithoutInvalidCharacters(string value)
    {
        var firstBad = FirstInvalidIndex(value);
        if (firstBad < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        builder.Append(value, 0, firstBad);
        for (var i = firstBad; i < value.Length; i++)
        {
            var c = value[i];
            if (XmlConvert.IsXmlChar(c))
            {
                builder.Append(c);
            }
            else if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], c))
            {
                builder.Append(c).Append(value[i + 1]);
                i++;
            }
        }

        return builder.ToString();
    }

    private static int FirstInvalidIndex(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (XmlConvert.IsXmlChar(c))
            {
                continue;
            }

            if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], c))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }
}
