using System.Text.Json;
using Toneline.Core.Conversations;
using Toneline.Core.Scoring;

namespace Toneline.Core.Formats;

/// <summary>Writes conversation scores as Toneline's result JSON (snake_case; see docs/formats.md).</summary>
public static class ScoreJsonWriter
{
    /// <summary>Writes one scored conversation as a JSON object.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="conversation">The conversation that was scored, for its metadata and speakers.</param>
    /// <param name="score">Its score.</param>
    /// <param name="includeTurns">Whether to include per-turn scores and evidence.</param>
    public static void Write(Utf8JsonWriter writer, Conversation conversation, ConversationScore score, bool includeTurns = true)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(score);

        writer.WriteStartObject();
        writer.WriteString("id", conversation.Id);
        WriteMetadata(writer, conversation);
        writer.WriteStartObject("method");
        writer.WriteString("engine", score.Method.Engine);
        writer.WriteString("version", score.Method.Version);
        writer.WriteString("options_hash", score.Method.OptionsHash);
        writer.WriteEndObject();
        writer.WriteString("role_source", Snake(score.RoleSource.ToString()));
        WriteSide(writer, "overall", score.Overall);
        WriteSide(writer, "agent", score.Agent);
        WriteSide(writer, "customer", score.Customer);
        writer.WriteString("shift", Snake(score.Shift.ToString()));
        if (score.TurningPointTurn is { } turningPoint)
        {
            writer.WriteNumber("turning_point_turn", turningPoint);
        }
        else
        {
            writer.WriteNull("turning_point_turn");
        }

        if (score.Resolved is { } resolved)
        {
            writer.WriteBoolean("resolved", resolved);
        }
        else
        {
            writer.WriteNull("resolved");
        }

        writer.WriteString("explanation", score.Explanation);

        writer.WriteStartArray("trend");
        foreach (var point in score.Trend)
        {
            writer.WriteStartObject();
            writer.WriteNumber("portion", point.Portion);
            writer.WriteNumber("first_turn", point.FirstTurn);
            writer.WriteNumber("last_turn", point.LastTurn);
            writer.WriteNumber("score", point.Score);
            writer.WriteNumber("contact_lens", point.ContactLensScore);
            WriteOptional(writer, "customer", point.CustomerScore);
            WriteOptional(writer, "agent", point.AgentScore);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("highlights");
        foreach (var highlight in score.Highlights)
        {
            writer.WriteStartObject();
            writer.WriteNumber("turn", highlight.TurnIndex);
            writer.WriteNumber("start", highlight.Start);
            writer.WriteNumber("length", highlight.Length);
            writer.WriteString("text", highlight.Text);
            writer.WriteNumber("weight", highlight.Weight);
            writer.WriteString("kind", Snake(highlight.Kind.ToString()));
            if (highlight.Emotion is { } emotion)
            {
                writer.WriteString("emotion", Snake(emotion.ToString()));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteEmotions(writer, "customer_emotions", score.CustomerEmotions);

        if (includeTurns)
        {
            writer.WriteStartArray("turns");
            foreach (var turn in score.Turns)
            {
                var source = conversation.Turns[turn.TurnIndex];
                writer.WriteStartObject();
                writer.WriteNumber("index", turn.TurnIndex);
                writer.WriteString("role", Snake(turn.Role.ToString()));
                if (source.SpeakerName is not null)
                {
                    writer.WriteString("speaker", source.SpeakerName);
                }

                writer.WriteNumber("score", Math.Round(turn.Sentiment.Score, 4));
                writer.WriteString("label", Snake(turn.Sentiment.Label.ToString()));
                writer.WriteNumber("confidence", turn.Sentiment.Confidence);
                WriteEmotions(writer, "emotions", turn.Sentiment.Emotions);
                writer.WriteStartArray("evidence");
                foreach (var evidence in turn.Sentiment.Evidence)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("start", evidence.Start);
                    writer.WriteNumber("length", evidence.Length);
                    writer.WriteString("text", evidence.Text);
                    writer.WriteNumber("weight", evidence.Weight);
                    writer.WriteString("kind", Snake(evidence.Kind.ToString()));
                    if (evidence.Emotion is { } emotion)
                    {
                        writer.WriteString("emotion", Snake(emotion.ToString()));
                    }

                    if (evidence.Note is not null)
                    {
                        writer.WriteString("note", evidence.Note);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Turns a PascalCase enum name into snake_case ("VeryNegative" → "very_negative").</summary>
    public static string Snake(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static void WriteMetadata(Utf8JsonWriter writer, Conversation conversation)
    {
        writer.WriteString("channel", Snake(conversation.Channel.ToString()));
        writer.WriteString("direction", Snake(conversation.Direction.ToString()));
        if (conversation.StartTime is { } startTime)
        {
            writer.WriteString("start_time", startTime);
        }

        if (conversation.DurationSeconds is { } duration)
        {
            writer.WriteNumber("duration_seconds", duration);
        }

        if (conversation.Agent is { } agent)
        {
            writer.WriteStartObject("agent_info");
            writer.WriteString("id", agent.Id);
            if (agent.Name is not null)
            {
                writer.WriteString("name", agent.Name);
            }

            writer.WriteEndObject();
        }

        if (conversation.Group is not null)
        {
            writer.WriteString("group", conversation.Group);
        }

        if (conversation.Topics.Count > 0)
        {
            writer.WriteStartArray("topics");
            foreach (var topic in conversation.Topics)
            {
                writer.WriteStringValue(topic);
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteSide(Utf8JsonWriter writer, string name, SideScore? side)
    {
        if (side is not { } value)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteNumber("score", value.Score);
        writer.WriteString("band", Snake(value.Band.ToString()));
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteEmotions(Utf8JsonWriter writer, string name, IReadOnlyDictionary<Emotion, double> emotions)
    {
        writer.WriteStartObject(name);
        foreach (var emotion in Enum.GetValues<Emotion>())
        {
            if (emotions.TryGetValue(emotion, out double intensity))
            {
                writer.WriteNumber(Snake(emotion.ToString()), intensity);
            }
        }

        writer.WriteEndObject();
    }
}
