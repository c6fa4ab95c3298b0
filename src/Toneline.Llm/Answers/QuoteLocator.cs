using System.Text;
using Toneline.Core.Conversations;

namespace Toneline.Llm.Answers;

/// <summary>Finds a model's quote in the transcript so it can be highlighted at the right offsets.</summary>
/// <remarks>
/// Tries the quoting speaker's turns first, then all turns; in each, an exact ordinal match first,
/// then a match that ignores case, runs of whitespace, curly versus straight quotes and the quote's
/// surrounding punctuation. Offsets always point into the original turn text.
/// </remarks>
internal static class QuoteLocator
{
    private const string EdgePunctuation = " \t\r\n\"'“”‘’.,;:!?…-";

    public static LocatedQuote? Locate(Conversation conversation, string quote, SpeakerRole speaker)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(quote);
        var trimmed = quote.Trim().Trim('"', '“', '”');
        if (trimmed.Length == 0)
        {
            return null;
        }

        var turns = conversation.Turns;
        foreach (var sameSpeaker in (bool[])[true, false])
        {
            for (var i = 0; i < turns.Count; i++)
            {
                if ((turns[i].Role == speaker) != sameSpeaker)
                {
                    continue;
                }

                var exact = turns[i].Text.IndexOf(trimmed, StringComparison.Ordinal);
                if (exact >= 0)
                {
                    return new LocatedQuote(i, exact, trimmed.Length);
                }
            }
        }

        var needle = Normalize(quote.Trim(EdgePunctuation.ToCharArray()), out _);
        if (needle.Length == 0)
        {
            return null;
        }

        foreach (var sameSpeaker in (bool[])[true, false])
        {
            for (var i = 0; i < turns.Count; i++)
            {
                if ((turns[i].Role == speaker) != sameSpeaker)
                {
                    continue;
                }

                var haystack = Normalize(turns[i].Text, out var map);
                var at = haystack.IndexOf(needle, StringComparison.Ordinal);
                if (at >= 0)
                {
                    var start = map[at];
                    var end = map[at + needle.Length - 1] + 1;
                    return new LocatedQuote(i, start, end - start);
                }
            }
        }

        return null;
    }

    /// <summary>Lower-cases, folds curly quotes and collapses whitespace; <paramref name="map"/> gives each char's original offset.</summary>
    private static string Normalize(string text, out List<int> map)
    {
        var builder = new StringBuilder(text.Length);
        map = new List<int>(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                map.Add(i - 1);
                pendingSpace = false;
            }

            builder.Append(c switch
            {
                '’' or '‘' => '\'',
                '“' or '”' => '"',
                _ => char.ToLowerInvariant(c),
            });
            map.Add(i);
        }

        return builder.ToString();
    }
}
