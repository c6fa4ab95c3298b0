using Toneline.Core.Conversations;

namespace Toneline.Core.Formats;

/// <summary>Reads Amazon Transcribe Call Analytics output: <c>Transcript[]</c> segments with <c>ParticipantRole</c>.</summary>
/// <remarks>
/// Offsets are milliseconds. <c>JobName</c> becomes the id, <c>LanguageCode</c> the language,
/// <c>ConversationCharacteristics.TotalConversationDurationMillis</c> the duration and
/// <c>Categories.MatchedCategories</c> the topics; Amazon's own sentiment fields are ignored.
/// </remarks>
internal static class AmazonTranscribeReader
{
    /// <summary>Whether a parsed JSON document has the Call Analytics shape.</summary>
    public static bool Matches(JsonItem root) =>
        root.Kind == JsonItemKind.Object && root.Get("Transcript") is { Kind: JsonItemKind.Array };

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

    private static ConversationDraft Parse(JsonItem root, ReadContext context)
    {
        var json = new JsonFields(context.Source);
        json.RequireObject(root, "(document)");
        var draft = context.NewDraft(root.Line);
        draft.Id = json.OptionalString(root, "JobName", "JobName");
        draft.Language = json.OptionalString(root, "LanguageCode", "LanguageCode");
        if (root.GetValue("ConversationCharacteristics") is { Kind: JsonItemKind.Object } characteristics
            && json.OptionalNumber(characteristics, "TotalConversationDurationMillis", "ConversationCharacteristics.TotalConversationDurationMillis") is { } millis)
        {
            draft.DurationSeconds = millis / 1000;
        }

        if (root.GetValue("Categories") is { Kind: JsonItemKind.Object } categories
            && categories.GetValue("MatchedCategories") is { Kind: JsonItemKind.Array } matched)
        {
            draft.Topics.AddRange(matched.Items.Where(c => c.Kind == JsonItemKind.String).Select(c => c.Text!));
        }

        var transcript = json.RequireArray(root, "Transcript", "Transcript");
        for (var i = 0; i < transcript.Items.Count; i++)
        {
            var path = $"Transcript[{i}]";
            var segment = json.RequireObject(transcript.Items[i], path);
            var role = json.RequireString(segment, "ParticipantRole", path + ".ParticipantRole");
            var begin = json.OptionalNumber(segment, "BeginOffsetMillis", path + ".BeginOffsetMillis");
            var end = json.OptionalNumber(segment, "EndOffsetMillis", path + ".EndOffsetMillis");
            draft.Turns.Add(new RawTurn
            {
                Line = segment.Line,
                Label = role,
                InputRole = role.ToUpperInvariant() switch
                {
                    "AGENT" => SpeakerRole.Agent,
                    "CUSTOMER" => SpeakerRole.Customer,
                    _ => SpeakerRole.Other,
                },
                Text = json.RequireString(segment, "Content", path + ".Content"),
                Start = begin / 1000,
                End = end / 1000,
            });
        }

        return draft;
    }
}
