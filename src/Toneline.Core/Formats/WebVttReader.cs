using System.Text;
using System.Text.RegularExpressions;
using Toneline.Core.Conversations;

namespace Toneline.Core.Formats;

/// <summary>Reads WebVTT captions whose cues carry <c>&lt;v Name&gt;</c> voice tags (or <c>Name:</c> prefixes).</summary>
/// <remarks>NOTE, STYLE and REGION blocks are skipped; cue ids are optional; cue timings become turn start and end.</remarks>
internal static partial class WebVttReader
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
        var lines = TextLines.Split(text);
        var draft = context.NewDraft(1);
        if (lines.Length == 0 || !lines[0].StartsWith("WEBVTT", StringComparison.Ordinal))
        {
            throw draft.Error(1, null, "expected the file to start with 'WEBVTT'");
        }

        var blocks = CaptionBlock.Split(lines, 0);
        foreach (var block in blocks.Skip(1))
        {
            var first = block.Lines[0];
            if (IsKeywordBlock(first, "NOTE") || IsKeywordBlock(first, "STYLE") || IsKeywordBlock(first, "REGION"))
            {
                continue;
            }

            var timingIndex = first.Contains("-->", StringComparison.Ordinal) ? 0 : 1;
            if (timingIndex >= block.Lines.Count || !CaptionTurns.TryParseTiming(block.Lines[timingIndex], out var start, out var end))
            {
                var line = block.Line + Math.Min(timingIndex, block.Lines.Count - 1);
                throw draft.Error(line, "cue timing", "expected a cue timing line such as '00:00:01.000 --> 00:00:04.000'");
            }

            var payload = string.Join("\n", block.Lines.Skip(timingIndex + 1));
            foreach (var (voice, segment) in Voices(payload))
            {
                var speaker = voice;
                var cueText = CaptionTurns.StripMarkup(segment);
                if (speaker is null && SpeakerPrefix.TryParse(cueText, out var name, out var rest))
                {
                    speaker = name;
                    cueText = rest;
                }

                CaptionTurns.Add(draft, speaker, cueText, start, end, block.Line);
            }
        }

        return draft;
    }

    /// <summary>Splits a cue payload at each voice tag; text before the first tag has no voice.</summary>
    private static List<(string? Voice, string Text)> Voices(string payload)
    {
        var result = new List<(string?, string)>();
        string? voice = null;
        var position = 0;
        var text = new StringBuilder();
        foreach (Match match in VoiceTag().Matches(payload))
        {
            text.Append(payload, position, match.Index - position);
            if (text.ToString().Trim().Length > 0 || voice is not null)
            {
                result.Add((voice, text.ToString()));
            }

            text.Clear();
            voice = match.Groups["name"].Value.Trim();
            position = match.Index + match.Length;
        }

        text.Append(payload, position, payload.Length - position);
        result.Add((voice, text.ToString()));
        return result;
    }

    private static bool IsKeywordBlock(string line, string keyword) =>
        line.StartsWith(keyword, StringComparison.Ordinal) && (line.Length == keyword.Length || char.IsWhiteSpace(line[keyword.Length]));

    [GeneratedRegex(@"<v(?:\.[^\s>]*)?\s+(?<name>[^>]+)>", RegexOptions.CultureInvariant)]
    private static partial Regex VoiceTag();
}
