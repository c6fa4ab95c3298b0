namespace Toneline.Core.Formats;

/// <summary>The transcript formats Toneline reads.</summary>
public enum TranscriptFormat
{
    /// <summary>Detect from the file extension and content.</summary>
    Auto,

    /// <summary>Toneline JSON: one conversation per file (docs/formats.md).</summary>
    Json,

    /// <summary>Toneline JSONL: one conversation per line.</summary>
    Jsonl,

    /// <summary>Plain-text dialogue: <c>Agent: ...</c> / <c>Customer: ...</c>, optional <c>[00:01:23]</c> stamps.</summary>
    Text,

    /// <summary>WebVTT captions with <c>&lt;v Name&gt;</c> voice tags.</summary>
    WebVtt,

    /// <summary>SRT subtitles with <c>Name:</c> prefixes.</summary>
    Srt,

    /// <summary>CSV of utterances: conversation_id, speaker, text, start, end, ...</summary>
    Csv,

    /// <summary>Amazon Transcribe Call Analytics output JSON.</summary>
    AmazonTranscribe,

    /// <summary>A list of utterances with speaker/channel, text, start and end (AssemblyAI, Deepgram, Gladia).</summary>
    Utterances,
}
