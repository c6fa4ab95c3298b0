using System.Net;
using System.Text.RegularExpressions;

namespace Toneline.Core.Formats;

/// <summary>Collects caption cues into turns: consecutive cues of one speaker become one turn.</summary>
/// <remarks>
/// Captions split speech by line length, not by speaker, so a turn here is every cue from one speaker
/// until another speaks; cue texts are joined with a space, lines within a cue with a newline.
/// A cue with no speaker continues the previous speaker.
/// </remarks>
internal static partial class CaptionTurns
{
    public static void Add(ConversationDraft draft, string? speaker, string text, double start, double end, int line)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return;
        }

        var last = draft.Turns.Count > 0 ? draft.Turns[^1] : null;
        if (last is not null && (speaker is null || string.Equals(last.Label, speaker, StringComparison.OrdinalIgnoreCase)))
        {
            last.Text = last.Text + " " + text;
            last.End = Math.Max(last.End ?? end, end);
            return;
        }

        var turn = new RawTurn { Label = speaker, Text = text, Start = start, End = end, Line = line };
        if (RoleWords.TryParse(speaker, out var role))
        {
            turn.InputRole = role;
        }

        draft.Turns.Add(turn);
    }

    /// <summary>Parses <c>start --&gt; end [settings]</c>; stamps may use SRT's comma (<c>00:00:01,000</c>).</summary>
    public static bool TryParseTiming(string line, out double start, out double end)
    {
        start = end = 0;
        var arrow = line.IndexOf("-->", StringComparison.Ordinal);
        if (arrow < 0)
        {
            return false;
        }

        var after = line[(arrow + 3)..].TrimStart();
        var space = after.IndexOfAny([' ', '\t']);
        var endText = space < 0 ? after : after[..space];
        return TimeValues.TryParseClock(line.AsSpan(0, arrow), out start) && TimeValues.TryParseClock(endText, out end);
    }

    /// <summary>Removes markup tags (<c>&lt;i&gt;</c>, <c>&lt;c.x&gt;</c>, <c>{\an8}</c>) and decodes HTML entities.</summary>
    public static string StripMarkup(string text) => WebUtility.HtmlDecode(Tags().Replace(text, string.Empty));

    [GeneratedRegex(@"<[^<>]*>|\{\\[^{}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();
}
