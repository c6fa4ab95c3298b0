using System.Globalization;
using System.Text.Json;
using Toneline.Core.Conversations;

namespace Toneline.Llm.Regression;

/// <summary>Reads labeled sets: JSONL, one conversation a line, as <c>toneline llm regress</c> and the web page take them.</summary>
/// <remarks>
/// A line is <c>{"id": "...", "label": "positive", "turns": [{"speaker": "agent", "text": "..."}]}</c>;
/// <c>speaker</c> (or <c>role</c>) is agent or customer, anything else is Other. With
/// <c>turnsOptional</c>, a line may leave out <c>turns</c> to label a conversation that is already stored.
/// </remarks>
public static class LabeledSetReader
{
    /// <summary>Reads every non-blank line.</summary>
    /// <param name="reader">The JSONL text.</param>
    /// <param name="source">Names the input in errors (<c>source:line: ...</c>) and, by its file name, in default ids.</param>
    /// <param name="turnsOptional">Whether a line may leave out <c>turns</c> (then <see cref="LabeledLine.Turns"/> is null and the id is required).</param>
    /// <exception cref="FormatException">A line is not valid; the message starts with <c>source:line:</c>.</exception>
    public static List<LabeledLine> Read(TextReader reader, string source, bool turnsOptional = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lines = new List<LabeledLine>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                lines.Add(ReadLine(line, lineNumber, source, turnsOptional));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                var shape = turnsOptional ? "{\"id\", \"label\"} or {\"id\", \"label\", \"turns\": [{\"speaker\", \"text\"}]}" : "{\"id\", \"label\", \"turns\": [{\"speaker\", \"text\"}]}";
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{source}:{lineNumber}: expected {shape}: {ex.Message}"), ex);
            }
        }

        return lines;
    }

    private static LabeledLine ReadLine(string line, int lineNumber, string source, bool turnsOptional)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var hasId = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(idElement.GetString());
        var label = root.TryGetProperty("label", out var labelElement) && labelElement.ValueKind == JsonValueKind.String ? labelElement.GetString() : null;
        if (Labels.Normalize(label) is null)
        {
            throw new FormatException($"label: expected one of {string.Join(", ", Labels.Bands)}, got '{label}'");
        }

        if (!root.TryGetProperty("turns", out var turnsElement))
        {
            if (!turnsOptional)
            {
                throw new FormatException("turns: missing");
            }

            return hasId
                ? new LabeledLine(lineNumber, idElement.GetString()!, label!, null)
                : throw new FormatException("id: a line without turns labels a stored conversation and needs its id");
        }

        var id = hasId ? idElement.GetString()! : string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(source)}:{lineNumber}");
        var turns = new List<Turn>();
        foreach (var turn in turnsElement.EnumerateArray())
        {
            var speaker = turn.TryGetProperty("speaker", out var s) ? s.GetString() : turn.TryGetProperty("role", out var r) ? r.GetString() : null;
            turns.Add(new Turn(RoleOf(speaker), turn.GetProperty("text").GetString() ?? string.Empty) { SpeakerName = speaker });
        }

        return new LabeledLine(lineNumber, id, label!, turns);
    }

    private static SpeakerRole RoleOf(string? speaker) => speaker?.ToLowerInvariant() switch
    {
        "agent" or "assistant" => SpeakerRole.Agent,
        "customer" or "user" or "caller" => SpeakerRole.Customer,
        _ => SpeakerRole.Other,
    };
}
