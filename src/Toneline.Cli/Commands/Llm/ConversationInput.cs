using System.Globalization;
using System.Text.Json;
using Toneline.Core.Conversations;
using Toneline.Core.Formats;
using Toneline.Llm.Regression;

namespace Toneline.Cli.Commands.Llm;

/// <summary>Reads the conversations the LLM commands work on.</summary>
/// <remarks>
/// Transcript files go through <see cref="ConversationReader"/>. Labeled sets are JSONL, one
/// conversation a line: <c>{"id": "...", "label": "positive", "turns": [{"speaker": "agent", "text": "..."}]}</c>;
/// <c>speaker</c> (or <c>role</c>) is agent or customer, anything else is Other.
/// </remarks>
internal static class ConversationInput
{
    /// <summary>Reads conversations from files; unreadable ones are written to <paramref name="errors"/>.</summary>
    public static List<Conversation> ReadFiles(IEnumerable<string> paths, TextWriter errors)
    {
        var conversations = new List<Conversation>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                errors.WriteLine($"{path}: no such file.");
                continue;
            }

            foreach (var result in ConversationReader.ReadFile(path))
            {
                if (result.Conversation is { } conversation)
                {
                    conversations.Add(conversation);
                }
                else
                {
                    errors.WriteLine(result.Error!.ToString());
                }
            }
        }

        return conversations;
    }

    /// <summary>Reads a labeled set; throws <see cref="FormatException"/> naming the line on bad input.</summary>
    public static List<LabeledConversation> ReadLabeled(string path)
    {
        var items = new List<LabeledConversation>();
        var lineNumber = 0;
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
                var root = document.RootElement;
                var id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
                    ? idElement.GetString()!
                    : string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)}:{lineNumber}");
                var label = root.TryGetProperty("label", out var labelElement) && labelElement.ValueKind == JsonValueKind.String ? labelElement.GetString() : null;
                if (Labels.Normalize(label) is null)
                {
                    throw new FormatException($"label: expected one of {string.Join(", ", Labels.Bands)}, got '{label}'");
                }

                var turns = new List<Turn>();
                foreach (var turn in root.GetProperty("turns").EnumerateArray())
                {
                    var speaker = turn.TryGetProperty("speaker", out var s) ? s.GetString() : turn.TryGetProperty("role", out var r) ? r.GetString() : null;
                    turns.Add(new Turn(RoleOf(speaker), turn.GetProperty("text").GetString() ?? string.Empty) { SpeakerName = speaker });
                }

                items.Add(new LabeledConversation(new Conversation(id, turns), label!));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new FormatException(
                    $"{path}:{lineNumber}: expected {{\"id\", \"label\", \"turns\": [{{\"speaker\", \"text\"}}]}}: {ex.Message}", ex);
            }
        }

        return items;
    }

    private static SpeakerRole RoleOf(string? speaker) => speaker?.ToLowerInvariant() switch
    {
        "agent" or "assistant" => SpeakerRole.Agent,
        "customer" or "user" or "caller" => SpeakerRole.Customer,
        _ => SpeakerRole.Other,
    };
}
