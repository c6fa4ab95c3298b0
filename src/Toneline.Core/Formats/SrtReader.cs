using Toneline.Core.Conversations;

namespace Toneline.Core.Formats;

/// <summary>Reads SRT subtitles whose lines start with <c>Name:</c> or <c>[Name]</c>.</summary>
/// <remarks>
/// Blocks are an optional index line, a timing line (<c>00:00:01,000 --&gt; 00:00:04,000</c>) and text
/// lines; each text line may name its speaker (a leading dialogue dash is dropped). Lines without a
/// name continue the previous speaker.
/// </remarks>
internal static class SrtReader
{
    public static IEnumerable<ReadResult> Read(string text, ReadContext context)
    {
        try
        {
            return [context.Build(Parse(text, context), null, Channel.Call)];
        }
        catch (ReadErrorException ex)
        {
            return [ReadResult.Failure(ex.Error)];
        }
    }

    private static ConversationDraft Parse(string text, ReadContext context)
    {
        var draft = context.NewDraft(1);
        foreach (var block in CaptionBlock.Split(TextLines.Split(text), 0))
        {
            var timingIndex = block.Lines[0].Contains("-->", StringComparison.Ordinal) ? 0 : 1;
            if (timingIndex >= block.Lines.Count || !CaptionTurns.TryParseTiming(block.Lines[timingIndex], out var start, out var end))
            {
                var line = block.Line + Math.Min(timingIndex, block.Lines.Count - 1);
                throw draft.Error(line, "timing", "expected a timing line such as '00:00:01,000 --> 00:00:04,000'");
            }

            string? speaker = null;
            var cueText = string.Empty;
            foreach (var raw in block.Lines.Skip(timingIndex + 1))
            {
                var line = CaptionTurns.StripMarkup(raw).Trim();
                if (line.StartsWith("- ", StringComparison.Ordinal))
                {
                    line = line[2..];
                }

                if (SpeakerPrefix.TryParse(line, out var name, out var rest))
                {
                    CaptionTurns.Add(draft, speaker, cueText, start, end, block.Line);
                    speaker = name;
                    cueText = rest;
                }
                else
                {
                    cueText = cueText.Length == 0 ? line : cueText + "\n" + line;
                }
            }

            CaptionTurns.Add(draft, speaker, cueText, start, end, block.Line);
        }

        return draft;
    }
}
