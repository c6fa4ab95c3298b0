using System.Globalization;

namespace Toneline.Core.Formats;

/// <summary>Parses the time stamps transcripts use: <c>01:23</c>, <c>00:01:23.456</c>, SRT's <c>00:01:23,456</c>, or plain seconds.</summary>
internal static class TimeValues
{
    /// <summary>Parses a clock stamp (<c>[h:]mm:ss[.fff|,fff]</c>) to seconds.</summary>
    public static bool TryParseClock(ReadOnlySpan<char> text, out double seconds)
    {
        seconds = 0;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        Span<Range> parts = stackalloc Range[4];
        var count = text.Split(parts, ':');
        if (count is < 2 or > 3)
        {
            return false;
        }

        double total = 0;
        for (var i = 0; i < count; i++)
        {
            var part = text[parts[i]];
            var isLast = i == count - 1;
            if (part.IsEmpty || (!isLast && !IsDigits(part)))
            {
                return false;
            }

            double value;
            if (isLast)
            {
                var normalized = part.ToString().Replace(',', '.');
                if (!IsDigits(normalized.AsSpan(0, normalized.IndexOf('.') is var dot and >= 0 ? dot : normalized.Length))
                    || !double.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
                {
                    return false;
                }
            }
            else
            {
                value = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
            }

            total = (total * 60) + value;
        }

        seconds = total;
        return true;
    }

    /// <summary>Parses plain seconds (<c>12.5</c>) or a clock stamp.</summary>
    public static bool TryParseSeconds(string text, out double seconds)
    {
        if (double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out seconds))
        {
            return true;
        }

        return TryParseClock(text, out seconds);
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
