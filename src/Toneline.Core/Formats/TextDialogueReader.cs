using System.Text.RegularExpressions;
using Toneline.Core.Conversations;

namespace Toneline.Core.Formats;

/// <summary>Reads plain-text dialogue: <c>Agent: ...</c> / <c>Customer: ...</c> / <c>Dana: ...</c> lines.</summary>
/// <remarks>
/// A turn line may start with a <c>[00:01:23]</c> or <c>[01:23]</c> stamp (the turn's start). Lines that
/// are not turn lines continue the previous turn (joined with a newline); blank lines are ignored.
/// Before the first turn, <c># key: value</c> lines set metadata and other <c>#</c> lines are comments.
/// Without stamps the channel defaults to chat, with stamps to call.
/// </remarks>
internal static partial class TextDialogueReader
{
    public static IEnumerable<ReadResult> Read(string text, ReadContext context)
    {
        try
        {
            var (draft, stamped) = Parse(text, context);
            return [context.Build(draft, null, stamped ? Channel.Call : Channel.Chat)];
        }
        catch (ReadErrorException ex)
        {
            return [ReadResult.Failure(ex.Error)];
        }
    }

    /// <summary>Whether a line looks like a dialogue turn; used to sniff content.</summary>
    public static bool IsTurnLine(string line) => TryParseTurn(line, out _, out _, out _);

    private static (ConversationDraft Draft, bool Stamped) Parse(string text, ReadContext context)
    {
        var lines = TextLines.Split(text);
        var draft = context.NewDraft(1);
        var stamped = false;
        RawTurn? current = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var lineNumber = i + 1;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (current is null && line.TrimStart().StartsWith('#'))
            {
                var header = HeaderLine().Match(line);
                if (header.Success)
                {
                    draft.SetText(header.Groups["key"].Value, header.Groups["value"].Value, lineNumber, "# " + header.Groups["key"].Value.Trim());
                }

                continue;
            }

            if (TryParseTurn(line, out var start, out var name, out var rest))
            {
                stamped |= start is not null;
                current = new RawTurn { Line = lineNumber, Label = name, Text = rest, Start = start };
                if (RoleWords.TryParse(name, out var role))
                {
                    current.InputRole = role;
                }

                draft.Turns.Add(current);
            }
            else if (current is null)
            {
                throw draft.Error(lineNumber, null, $"expected a turn such as 'Agent: Hello' or a '# key: value' header, got '{Shorten(line)}'");
            }
            else
            {
                current.Text = current.Text.Length == 0 ? line.Trim() : current.Text.TrimEnd() + "\n" + line.Trim();
            }
        }

        return (draft, stamped);
    }

    private static bool TryParseTurn(string line, out double? start, out string name, out string rest)
    {
        start = null;
        var body = line;
        var stamp = Stamp().Match(line);
        if (stamp.Success)
        {
            if (!TimeValues.TryParseClock(stamp.Groups["stamp"].Value, out var seconds))
            {
                name = string.Empty;
                rest = line;
                return false;
            }

            start = seconds;
            body = line[stamp.Length..];
        }

        if (SpeakerPrefix.TryParse(body, out name, out rest) && !body.TrimStart().StartsWith('['))
        {
            return true;
        }

        start = null;
        return false;
    }

    private static string Shorten(string line) => line.Length <= 60 ? line.Trim() : line[..57].Trim() + "...";

    [GeneratedRegex(@"^\s*\[(?<stamp>\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d+)?)\]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Stamp();

    [GeneratedRegex(@"^\s*#\s*(?<key>[A-Za-z][A-Za-z0-9 _\-]{0,40}?)\s*:\s*(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLine();
}
