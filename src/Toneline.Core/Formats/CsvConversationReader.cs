using Toneline.Core.Conversations;

namespace Toneline.Core.Formats;

/// <summary>Reads a CSV of utterances, one row per turn, many conversations per file.</summary>
/// <remarks>
/// The header row is required and needs a <c>text</c> column and a <c>speaker</c> or <c>role</c> column.
/// Rows are grouped by <c>conversation_id</c>; one conversation's rows need not be contiguous, its turns
/// keep file order, and conversations come out in order of first appearance. Without a
/// <c>conversation_id</c> column the whole file is one conversation. Metadata columns take the first
/// non-empty value in the conversation; unknown columns become custom fields. A bad row fails only its
/// conversation.
/// </remarks>
internal static class CsvConversationReader
{
    private static readonly HashSet<string> TurnColumns = new(StringComparer.Ordinal)
    {
        "conversation_id", "speaker", "role", "text", "start", "end",
    };

    public static IEnumerable<ReadResult> Read(string text, ReadContext context)
    {
        var records = CsvParser.Parse(text).Where(r => r.Error is not null || r.Fields.Count > 1 || r.Fields[0].Trim().Length > 0);
        using var enumerator = records.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            return [context.Fail(1, null, "expected a header row such as 'conversation_id,speaker,text,start,end', found an empty file")];
        }

        var header = enumerator.Current;
        var columns = header.Fields.Select(Normalize).ToArray();
        var textColumn = Array.IndexOf(columns, "text");
        var speakerColumn = Array.IndexOf(columns, "speaker");
        var roleColumn = Array.IndexOf(columns, "role");
        if (header.Error is not null || textColumn < 0 || (speakerColumn < 0 && roleColumn < 0))
        {
            return [context.Fail(header.Line, "header", $"expected a header row with 'text' and 'speaker' (or 'role') columns, got '{string.Join(",", header.Fields)}'")];
        }

        var idColumn = Array.IndexOf(columns, "conversation_id");
        var conversations = new List<(string? Id, ConversationDraft Draft)>();
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        var failed = new Dictionary<int, ReadError>();
        var results = new List<(int Order, ReadResult Result)>();
        while (enumerator.MoveNext())
        {
            var record = enumerator.Current;
            var id = idColumn >= 0 && idColumn < record.Fields.Count ? record.Fields[idColumn].Trim() : null;
            if (idColumn >= 0 && string.IsNullOrEmpty(id))
            {
                results.Add((conversations.Count, context.Fail(record.Line, "conversation_id", "expected a conversation id, got an empty field")));
                continue;
            }

            var key = id ?? string.Empty;
            if (!byId.TryGetValue(key, out var index))
            {
                index = conversations.Count;
                byId[key] = index;
                conversations.Add((id, context.NewDraft(record.Line)));
            }

            if (failed.ContainsKey(index))
            {
                continue;
            }

            var draft = conversations[index].Draft;
            try
            {
                ReadRow(record, columns, draft, speakerColumn, roleColumn, textColumn);
            }
            catch (ReadErrorException ex)
            {
                failed[index] = ex.Error;
            }
        }

        for (var i = 0; i < conversations.Count; i++)
        {
            var (id, draft) = conversations[i];
            draft.Id ??= id;
            var result = failed.TryGetValue(i, out var error)
                ? ReadResult.Failure(error)
                : context.Build(draft, idColumn >= 0 ? i + 1 : null, Channel.Call);
            results.Add((i, result));
        }

        return results.OrderBy(r => r.Order).Select(r => r.Result).ToList();
    }

    private static void ReadRow(CsvRecord record, string[] columns, ConversationDraft draft, int speakerColumn, int roleColumn, int textColumn)
    {
        if (record.Error is not null)
        {
            throw draft.Error(record.Line, null, record.Error);
        }

        if (record.Fields.Count != columns.Length)
        {
            throw draft.Error(record.Line, null, $"expected {columns.Length} fields as in the header, got {record.Fields.Count}; quote fields that contain commas");
        }

        var turn = new RawTurn { Line = record.Line, Text = record.Fields[textColumn] };
        var speaker = speakerColumn >= 0 ? record.Fields[speakerColumn].Trim() : null;
        var role = roleColumn >= 0 ? record.Fields[roleColumn].Trim() : null;
        if (!string.IsNullOrEmpty(role))
        {
            if (RoleWords.TryParse(role, out var parsed))
            {
                turn.InputRole = parsed;
            }
            else if (string.IsNullOrEmpty(speaker))
            {
                speaker = role;
            }
            else
            {
                throw draft.Error(record.Line, "role", $"expected agent, customer or other, got '{role}'");
            }
        }

        if (!string.IsNullOrEmpty(speaker))
        {
            turn.Label = speaker;
            if (turn.InputRole is null && RoleWords.TryParse(speaker, out var parsed))
            {
                turn.InputRole = parsed;
            }
        }
        else if (turn.InputRole is null)
        {
            throw draft.Error(record.Line, speakerColumn >= 0 ? "speaker" : "role", "expected a speaker name or agent/customer/other, got an empty field");
        }

        for (var i = 0; i < columns.Length; i++)
        {
            var value = record.Fields[i];
            switch (columns[i])
            {
                case "start":
                    turn.Start = Seconds(draft, record, value, "start");
                    break;
                case "end":
                    turn.End = Seconds(draft, record, value, "end");
                    break;
                case var name when TurnColumns.Contains(name) || value.Trim().Length == 0:
                    break;
                case "topic" or "topics":
                    draft.SetText(columns[i], value, record.Line);
                    break;
                case var name when IsSet(draft, name):
                    break;
                default:
                    draft.SetText(columns[i], value, record.Line);
                    break;
            }
        }

        draft.Turns.Add(turn);
    }

    /// <summary>Whether a metadata column already has its first non-empty value.</summary>
    private static bool IsSet(ConversationDraft draft, string column) => column switch
    {
        "channel" => draft.Channel is not null,
        "direction" => draft.Direction != Direction.Unknown,
        "start_time" => draft.StartTime is not null,
        "duration_seconds" => draft.DurationSeconds is not null,
        "agent_id" => draft.AgentId is not null,
        "agent_name" or "agent" => draft.AgentName is not null,
        "group" => draft.Group is not null,
        "customer_id" => draft.CustomerId is not null,
        "language" => draft.Language is not null,
        _ => draft.CustomFields.ContainsKey(column),
    };

    private static double? Seconds(ConversationDraft draft, CsvRecord record, string value, string column)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return TimeValues.TryParseSeconds(value, out var seconds)
            ? seconds
            : throw draft.Error(record.Line, column, $"expected seconds such as 12.5 or a stamp such as 00:01:23, got '{value}'");
    }

    private static string Normalize(string column)
    {
        var name = column.Trim().TrimStart('\uFEFF').ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        return name switch
        {
            "conversation" or "call_id" or "conversationid" => "conversation_id",
            "utterance" or "message" or "transcript" => "text",
            "start_seconds" or "begin" => "start",
            "end_seconds" => "end",
            _ => name,
        };
    }
}
