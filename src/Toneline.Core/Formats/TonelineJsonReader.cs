using Toneline.Core.Conversations;

namespace Toneline.Core.Formats;

/// <summary>Reads Toneline JSON (one conversation, or an array of them) and JSONL (one conversation per line).</summary>
/// <remarks>The schema is in docs/formats.md; unknown fields are ignored.</remarks>
internal static class TonelineJsonReader
{
    public static IEnumerable<ReadResult> ReadJson(string text, ReadContext context)
    {
        JsonItem root;
        try
        {
            root = JsonItemParser.Parse(text, context.Source);
        }
        catch (ReadErrorException ex)
        {
            return [ReadResult.Failure(ex.Error)];
        }

        return ReadJson(root, context);
    }

    public static IEnumerable<ReadResult> ReadJson(JsonItem root, ReadContext context)
    {
        if (root.Kind == JsonItemKind.Array)
        {
            for (var i = 0; i < root.Items.Count; i++)
            {
                yield return ReadOne(root.Items[i], $"[{i}].", i + 1, context);
            }

            yield break;
        }

        yield return ReadOne(root, string.Empty, null, context);
    }

    public static IEnumerable<ReadResult> ReadJsonl(string text, ReadContext context)
    {
        var lines = TextLines.Split(text);
        var index = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            index++;
            yield return ReadLine(lines[i], i + 1, index, context);
        }
    }

    private static ReadResult ReadLine(string line, int lineNumber, int index, ReadContext context)
    {
        try
        {
            return ReadOne(JsonItemParser.Parse(line, context.Source, lineNumber), string.Empty, index, context);
        }
        catch (ReadErrorException ex)
        {
            return ReadResult.Failure(ex.Error);
        }
    }

    private static ReadResult ReadOne(JsonItem item, string prefix, int? index, ReadContext context)
    {
        try
        {
            var draft = Parse(item, prefix, context);
            return context.Build(draft, index, Channel.Call);
        }
        catch (ReadErrorException ex)
        {
            return ReadResult.Failure(ex.Error);
        }
    }

    private static ConversationDraft Parse(JsonItem item, string prefix, ReadContext context)
    {
        var json = new JsonFields(context.Source);
        var root = json.RequireObject(item, prefix.Length == 0 ? "(conversation)" : prefix.TrimEnd('.'));
        var draft = context.NewDraft(root.Line);
        draft.Id = json.OptionalString(root, "id", prefix + "id", allowNumber: true)
            ?? json.OptionalString(root, "conversation_id", prefix + "conversation_id", allowNumber: true);
        draft.Channel = json.OptionalChannel(root, "channel", prefix + "channel");
        if (json.OptionalString(root, "direction", prefix + "direction") is { } direction)
        {
            draft.Direction = MetadataValues.ParseDirection(direction)
                ?? throw json.Error(root.Get("direction")!, prefix + "direction", $"expected one of inbound, outbound, internal, got '{direction}'");
        }

        if (json.OptionalString(root, "start_time", prefix + "start_time") is { } start)
        {
            draft.StartTime = MetadataValues.ParseStartTime(start)
                ?? throw json.Error(root.Get("start_time")!, prefix + "start_time", $"expected an ISO 8601 date and time such as 2025-03-04T09:15:00Z, got '{start}'");
        }

        draft.DurationSeconds = json.OptionalNumber(root, "duration_seconds", prefix + "duration_seconds");
        ReadAgent(json, root, prefix, draft);
        draft.Group = json.OptionalString(root, "group", prefix + "group");
        draft.CustomerId = json.OptionalString(root, "customer_id", prefix + "customer_id", allowNumber: true);
        draft.Language = json.OptionalString(root, "language", prefix + "language");
        ReadTopics(json, root, prefix, draft);
        ReadCustomFields(json, root, prefix, draft);

        var turns = json.RequireArray(root, "turns", prefix + "turns");
        for (var i = 0; i < turns.Items.Count; i++)
        {
            draft.Turns.Add(ReadTurn(json, turns.Items[i], $"{prefix}turns[{i}]"));
        }

        return draft;
    }

    private static void ReadAgent(JsonFields json, JsonItem root, string prefix, ConversationDraft draft)
    {
        var agent = root.GetValue("agent");
        switch (agent)
        {
            case { Kind: JsonItemKind.Object }:
                draft.AgentId = json.OptionalString(agent, "id", prefix + "agent.id", allowNumber: true);
                draft.AgentName = json.OptionalString(agent, "name", prefix + "agent.name");
                break;
            case { Kind: JsonItemKind.String }:
                draft.AgentName = agent.Text;
                break;
            case null:
                break;
            default:
                throw json.Expected(agent, prefix + "agent", "an object {\"id\", \"name\"} or a name");
        }

        draft.AgentId ??= json.OptionalString(root, "agent_id", prefix + "agent_id", allowNumber: true);
        draft.AgentName ??= json.OptionalString(root, "agent_name", prefix + "agent_name");
    }

    private static void ReadTopics(JsonFields json, JsonItem root, string prefix, ConversationDraft draft)
    {
        var topics = root.GetValue("topics");
        switch (topics)
        {
            case null:
                return;
            case { Kind: JsonItemKind.String }:
                draft.Topics.AddRange(MetadataValues.SplitTopics(topics.Text!));
                return;
            case { Kind: JsonItemKind.Array }:
                for (var i = 0; i < topics.Items.Count; i++)
                {
                    var topic = topics.Items[i];
                    if (topic.Kind != JsonItemKind.String)
                    {
                        throw json.Expected(topic, $"{prefix}topics[{i}]", "a string");
                    }

                    if (!string.IsNullOrWhiteSpace(topic.Text))
                    {
                        draft.Topics.Add(topic.Text.Trim());
                    }
                }

                return;
            default:
                throw json.Expected(topics, prefix + "topics", "an array of strings");
        }
    }

    private static void ReadCustomFields(JsonFields json, JsonItem root, string prefix, ConversationDraft draft)
    {
        var fields = root.GetValue("custom_fields");
        if (fields is null)
        {
            return;
        }

        json.RequireObject(fields, prefix + "custom_fields");
        foreach (var (key, value) in fields.Properties)
        {
            if (value.Kind == JsonItemKind.Null)
            {
                continue;
            }

            draft.CustomFields[key] = value.ScalarText
                ?? throw json.Expected(value, $"{prefix}custom_fields.{key}", "a string");
        }
    }

    private static RawTurn ReadTurn(JsonFields json, JsonItem item, string path)
    {
        var turn = json.RequireObject(item, path);
        var raw = new RawTurn
        {
            Line = turn.Line,
            Text = json.RequireString(turn, "text", path + ".text"),
            Start = json.OptionalSeconds(turn, "start", path + ".start"),
            End = json.OptionalSeconds(turn, "end", path + ".end"),
        };
        var name = json.OptionalString(turn, "name", path + ".name");
        var speaker = turn.GetValue("speaker");
        switch (speaker)
        {
            case { Kind: JsonItemKind.String } when RoleWords.TryParse(speaker.Text, out var role):
                raw.InputRole = role;
                raw.Label = name ?? speaker.Text;
                break;
            case { Kind: JsonItemKind.String }:
                raw.Label = speaker.Text;
                break;
            case { Kind: JsonItemKind.Number }:
                raw.Number = json.OptionalInt(turn, "speaker", path + ".speaker");
                raw.Label = name ?? $"spk_{speaker.Text}";
                break;
            case null:
                raw.Label = name;
                break;
            default:
                throw json.Expected(speaker, path + ".speaker", "\"agent\", \"customer\", \"other\" or a speaker name");
        }

        if (json.OptionalString(turn, "role", path + ".role") is { } roleText)
        {
            raw.InputRole = RoleWords.TryParse(roleText, out var role)
                ? role
                : throw json.Error(turn.Get("role")!, path + ".role", $"expected \"agent\", \"customer\" or \"other\", got '{roleText}'");
        }

        if (raw.Label is null && raw.InputRole is null)
        {
            throw json.Error(turn, path + ".speaker", "missing; expected \"agent\", \"customer\", \"other\" or a speaker name");
        }

        return raw;
    }
}
