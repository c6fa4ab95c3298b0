using System.Text.Json;
using Toneline.Core.Conversations;

namespace Toneline.Cli.Evaluation;

/// <summary>Reads labeled JSONL: sentence lines <c>{"text","label"}</c> or dialogue lines <c>{"turns":[...]}</c>.</summary>
internal static class LabeledFile
{
    public static readonly string[] Labels = ["negative", "neutral", "positive"];

    /// <summary>Reads every labeled text; throws <see cref="FormatException"/> naming the line on bad input.</summary>
    /// <param name="path">The JSONL file.</param>
    /// <param name="defaultRole">The role of texts whose speaker is not named.</param>
    /// <param name="dialogues">Whether the file held dialogues.</param>
    /// <param name="emotions">Also read <c>{"text","emotion"}</c> lines: anger and sadness as negative, joy and optimism as positive.</param>
    public static List<LabeledText> Read(string path, SpeakerRole defaultRole, out bool dialogues, bool emotions = false)
    {
        var items = new List<LabeledText>();
        bool sawDialogue = false;
        ForEachLine(path, root =>
        {
            string id = root.TryGetProperty("id", out var idElement) ? idElement.ToString() : "";
            if (root.TryGetProperty("turns", out var turns))
            {
                sawDialogue = true;
                int turnIndex = 0;
                foreach (var turn in turns.EnumerateArray())
                {
                    string text = turn.GetProperty("text").GetString() ?? "";
                    var role = RoleOf(turn.TryGetProperty("speaker", out var speaker) ? speaker.GetString() : null, defaultRole);
                    if (turn.TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.String)
                    {
                        items.Add(new LabeledText(text, CheckLabel(label.GetString(), $"turns[{turnIndex}].label"), role, id));
                    }

                    turnIndex++;
                }
            }
            else if (emotions && root.TryGetProperty("emotion", out var emotion))
            {
                string text = root.GetProperty("text").GetString() ?? "";
                string label = emotion.GetString() is "anger" or "sadness" ? "negative" : "positive";
                items.Add(new LabeledText(text, label, defaultRole, id.Length > 0 ? id : text));
            }
            else
            {
                string text = root.GetProperty("text").GetString() ?? "";
                var role = RoleOf(root.TryGetProperty("speaker", out var speaker) ? speaker.GetString() : null, defaultRole);
                items.Add(new LabeledText(text, CheckLabel(root.GetProperty("label").GetString(), "label"), role, id.Length > 0 ? id : text));
            }
        });

        dialogues = sawDialogue;
        return items;
    }

    /// <summary>
    /// Reads the dialogues that carry at least one conversation-level label (<see cref="ConversationAspects"/>);
    /// throws <see cref="FormatException"/> naming the line and field on bad input.
    /// </summary>
    /// <param name="path">The JSONL file of dialogues.</param>
    /// <param name="defaultRole">The role of turns whose speaker is not named.</param>
    public static List<LabeledConversation> ReadConversations(string path, SpeakerRole defaultRole)
    {
        var conversations = new List<LabeledConversation>();
        ForEachLine(path, (root, lineNumber) =>
        {
            if (!root.TryGetProperty("turns", out var turnsElement))
            {
                return;
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (aspect, field, _) in ConversationAspects.All)
            {
                if (!root.TryGetProperty(field, out var value))
                {
                    continue;
                }

                labels[aspect] = aspect == ConversationAspects.Resolved
                    ? value.ValueKind switch
                    {
                        JsonValueKind.True => "resolved",
                        JsonValueKind.False => "unresolved",
                        JsonValueKind.Null => "unclear",
                        _ => throw new FormatException($"{field}: expected true, false or null, got {value.GetRawText()}"),
                    }
                    : CheckLabel(value.GetString(), field);
            }

            if (labels.Count == 0)
            {
                return;
            }

            var turns = new List<Turn>();
            foreach (var turn in turnsElement.EnumerateArray())
            {
                turns.Add(new Turn(
                    RoleOf(turn.TryGetProperty("speaker", out var speaker) ? speaker.GetString() : null, defaultRole),
                    turn.GetProperty("text").GetString() ?? ""));
            }

            string id = root.TryGetProperty("id", out var idElement) ? idElement.ToString() : "";
            string key = id.Length > 0 ? id : $"line {lineNumber}";
            conversations.Add(new LabeledConversation(key, new Conversation(key, turns), labels));
        });

        return conversations;
    }

    private static void ForEachLine(string path, Action<JsonElement> read) => ForEachLine(path, (root, _) => read(root));

    /// <summary>
    /// Parses each non-blank line and hands its root to <paramref name="read"/> with its line number; any
    /// error in a line becomes a <see cref="FormatException"/> naming the file and line.
    /// </summary>
    private static void ForEachLine(string path, Action<JsonElement, int> read)
    {
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                read(document.RootElement, lineNumber);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new FormatException($"{path}:{lineNumber}: expected {{\"text\",\"label\"}} or {{\"turns\":[...]}}: {ex.Message}", ex);
            }
            catch (FormatException ex)
            {
                throw new FormatException($"{path}:{lineNumber}: {ex.Message}", ex);
            }
        }
    }

    private static SpeakerRole RoleOf(string? speaker, SpeakerRole defaultRole) => speaker switch
    {
        "agent" or "assistant" or "system" => SpeakerRole.Agent,
        "customer" or "user" => SpeakerRole.Customer,
        _ => defaultRole,
    };

    private static string CheckLabel(string? label, string field) =>
        label is "negative" or "neutral" or "positive"
            ? label
            : throw new FormatException($"{field}: expected negative, neutral or positive, got '{label}'");
}
