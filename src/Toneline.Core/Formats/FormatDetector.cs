namespace Toneline.Core.Formats;

/// <summary>Picks the format of a transcript from its file extension, then from its content.</summary>
/// <remarks>
/// <c>.jsonl</c>/<c>.ndjson</c>, <c>.txt</c>, <c>.vtt</c>, <c>.srt</c> and <c>.csv</c> decide by extension.
/// <c>.json</c> and anything else (standard input included) is sniffed: <c>WEBVTT</c> first; JSON by shape
/// (<c>Transcript[]</c> is Amazon, <c>utterances</c> is a vendor utterance list, otherwise Toneline JSON); several
/// JSON lines are JSONL; an index line and an <c>--&gt;</c> timing is SRT; a header with <c>text</c> and
/// <c>speaker</c> or <c>role</c> columns is CSV; the rest is plain-text dialogue.
/// </remarks>
internal static class FormatDetector
{
    /// <summary>The extensions read when a directory is given.</summary>
    public static readonly IReadOnlySet<string> KnownExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".json", ".jsonl", ".ndjson", ".txt", ".vtt", ".srt", ".csv",
    };

    public static TranscriptFormat FromExtension(string source) =>
        Path.GetExtension(source).ToLowerInvariant() switch
        {
            ".jsonl" or ".ndjson" => TranscriptFormat.Jsonl,
            ".txt" => TranscriptFormat.Text,
            ".vtt" => TranscriptFormat.WebVtt,
            ".srt" => TranscriptFormat.Srt,
            ".csv" => TranscriptFormat.Csv,
            _ => TranscriptFormat.Auto,
        };

    /// <summary>Sniffs the content; <paramref name="json"/> is the parsed document when the whole text is one JSON value.</summary>
    public static TranscriptFormat FromContent(string text, out JsonItem? json)
    {
        json = null;
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith("WEBVTT", StringComparison.Ordinal))
        {
            return TranscriptFormat.WebVtt;
        }

        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            if (JsonItemParser.TryParse(text, out json))
            {
                return FromJson(json!);
            }

            var lines = TextLines.Split(trimmed).Where(l => l.Trim().Length > 0).Take(3).ToList();
            return lines.Count > 1 && lines.All(l => l.TrimStart().StartsWith('{'))
                ? TranscriptFormat.Jsonl
                : TranscriptFormat.Json;
        }

        var firstLines = TextLines.Split(trimmed).Take(3).ToArray();
        if (firstLines.Length >= 2 && firstLines[1].Contains("-->", StringComparison.Ordinal) && firstLines[0].Trim().All(char.IsAsciiDigit))
        {
            return TranscriptFormat.Srt;
        }

        if (firstLines.Length > 0 && IsCsvHeader(firstLines[0]))
        {
            return TranscriptFormat.Csv;
        }

        return TranscriptFormat.Text;
    }

    public static TranscriptFormat FromJson(JsonItem root)
    {
        if (AmazonTranscribeReader.Matches(root))
        {
            return TranscriptFormat.AmazonTranscribe;
        }

        return UtterancesReader.Matches(root) ? TranscriptFormat.Utterances : TranscriptFormat.Json;
    }

    private static bool IsCsvHeader(string line)
    {
        var columns = line.Split(',').Select(c => c.Trim().Trim('"').ToLowerInvariant()).ToList();
        return columns.Count > 1 && columns.Contains("text") && (columns.Contains("speaker") || columns.Contains("role"));
    }
}
