using Toneline.Core.Conversations;

namespace Toneline.Core.Formats;

/// <summary>Reads speech-to-text utterance lists: AssemblyAI, Deepgram and Gladia, told apart by shape.</summary>
/// <remarks>
/// AssemblyAI: <c>utterances[]</c> with <c>speaker</c> ("A"), <c>text</c>, <c>start</c>/<c>end</c> in milliseconds.
/// Deepgram: <c>results.utterances[]</c> with <c>speaker</c>/<c>channel</c>, <c>transcript</c>, seconds.
/// Gladia: <c>result.transcription.utterances[]</c> with <c>speaker</c>/<c>channel</c>, <c>text</c>, seconds.
/// Numeric speakers are labelled <c>spk_N</c>; with more than one audio channel the channel decides the
/// speaker instead (<c>ch_N</c>). These formats never name roles, so roles come from a mapping or the heuristic.
/// </remarks>
internal static class UtterancesReader
{
    private enum Vendor
    {
        AssemblyAi,
        Deepgram,
        Gladia,
    }

    /// <summary>Whether a parsed JSON document has one of the utterance-list shapes.</summary>
    public static bool Matches(JsonItem root) => Locate(root).Utterances is not null;

    public static ReadResult Read(JsonItem root, ReadContext context)
    {
        try
        {
            return context.Build(Parse(root, context), null, Channel.Call);
        }
        catch (ReadErrorException ex)
        {
            return ReadResult.Failure(ex.Error);
        }
    }

    private static (JsonItem? Utterances, Vendor Vendor, string Path) Locate(JsonItem root)
    {
        if (root.Kind != JsonItemKind.Object)
        {
            return (null, Vendor.AssemblyAi, string.Empty);
        }

        if (root.Get("utterances") is { Kind: JsonItemKind.Array } assembly)
        {
            return (assembly, Vendor.AssemblyAi, "utterances");
        }

        if (root.Get("results") is { Kind: JsonItemKind.Object } results && results.Get("utterances") is { Kind: JsonItemKind.Array } deepgram)
        {
            return (deepgram, Vendor.Deepgram, "results.utterances");
        }

        if (root.Get("result") is { Kind: JsonItemKind.Object } result
            && result.Get("transcription") is { Kind: JsonItemKind.Object } transcription
            && transcription.Get("utterances") is { Kind: JsonItemKind.Array } gladia)
        {
            return (gladia, Vendor.Gladia, "result.transcription.utterances");
        }

        return (null, Vendor.AssemblyAi, string.Empty);
    }

    private static ConversationDraft Parse(JsonItem root, ReadContext context)
    {
        var json = new JsonFields(context.Source);
        var (utterances, vendor, basePath) = Locate(root);
        if (utterances is null)
        {
            throw json.Error(root, "utterances", "missing; expected utterances[] (AssemblyAI), results.utterances[] (Deepgram) or result.transcription.utterances[] (Gladia)");
        }

        var draft = context.NewDraft(root.Line);
        ReadMetadata(json, root, vendor, draft);
        var textField = vendor == Vendor.Deepgram ? "transcript" : "text";
        var scale = vendor == Vendor.AssemblyAi ? 1000.0 : 1.0;
        var channels = new HashSet<int>();
        var parsed = new List<(RawTurn Turn, int? Channel)>();
        for (var i = 0; i < utterances.Items.Count; i++)
        {
            var path = $"{basePath}[{i}]";
            var utterance = json.RequireObject(utterances.Items[i], path);
            var channel = json.OptionalInt(utterance, "channel", path + ".channel");
            if (channel is { } c)
            {
                channels.Add(c);
            }

            var turn = new RawTurn
            {
                Line = utterance.Line,
                Text = json.RequireString(utterance, textField, $"{path}.{textField}"),
                Start = json.OptionalNumber(utterance, "start", path + ".start") / scale,
                End = json.OptionalNumber(utterance, "end", path + ".end") / scale,
            };
            var speaker = utterance.GetValue("speaker");
            switch (speaker)
            {
                case { Kind: JsonItemKind.String }:
                    turn.Label = speaker.Text;
                    break;
                case { Kind: JsonItemKind.Number }:
                    turn.Number = json.OptionalInt(utterance, "speaker", path + ".speaker");
                    turn.Label = $"spk_{turn.Number}";
                    break;
                case null:
                    break;
                default:
                    throw json.Expected(speaker, path + ".speaker", "a speaker label or number");
            }

            parsed.Add((turn, channel));
        }

        foreach (var (turn, channel) in parsed)
        {
            if (channels.Count > 1 || (turn.Label is null && channel is not null))
            {
                turn.Number = channel;
                turn.Label = $"ch_{channel}";
            }

            draft.Turns.Add(turn);
        }

        return draft;
    }

    private static void ReadMetadata(JsonFields json, JsonItem root, Vendor vendor, ConversationDraft draft)
    {
        switch (vendor)
        {
            case Vendor.AssemblyAi:
                draft.Id = json.OptionalString(root, "id", "id", allowNumber: true);
                draft.Language = json.OptionalString(root, "language_code", "language_code");
                draft.DurationSeconds = json.OptionalNumber(root, "audio_duration", "audio_duration");
                break;
            case Vendor.Deepgram:
                if (root.GetValue("metadata") is { Kind: JsonItemKind.Object } metadata)
                {
                    draft.Id = json.OptionalString(metadata, "request_id", "metadata.request_id");
                    draft.DurationSeconds = json.OptionalNumber(metadata, "duration", "metadata.duration");
                }

                break;
            case Vendor.Gladia:
                draft.Id = json.OptionalString(root, "id", "id", allowNumber: true);
                var result = root.Get("result")!;
                if (result.GetValue("metadata") is { Kind: JsonItemKind.Object } gladiaMetadata)
                {
                    draft.DurationSeconds = json.OptionalNumber(gladiaMetadata, "audio_duration", "result.metadata.audio_duration");
                }

                if (result.Get("transcription")!.GetValue("languages") is { Kind: JsonItemKind.Array } languages
                    && languages.Items.FirstOrDefault() is { Kind: JsonItemKind.String } language)
                {
                    draft.Language = language.Text;
                }

                break;
        }
    }
}
