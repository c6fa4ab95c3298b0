using System.Text;
using System.Text.Json;
using Toneline.Core.Conversations;
using Toneline.Core.Scoring;

namespace Toneline.Storage.Ingestion;

/// <summary>
/// A score's turn scores, highlights and customer emotions as one compact JSON value on its scores row.
/// </summary>
/// <remarks>
/// They are only ever read whole, with the score, and as rows they were about 35 per conversation:
/// most of an import's writes. Layout: <c>{"t":[[turn,role,score,label,confidence]...],
/// "h":[[turn,start,length,text,weight,kind,emotion|null]...],"e":[[emotion,intensity]...]}</c>.
/// Scores saved before migration 0004 keep their rows in turn_scores, highlights and emotions.
/// </remarks>
internal static class ScoreDetails
{
    public static string Write(ConversationScore score)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("t");
            foreach (var turn in score.Turns)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(turn.TurnIndex);
                writer.WriteNumberValue((int)turn.Role);
                writer.WriteNumberValue(turn.Sentiment.Score);
                writer.WriteNumberValue((int)turn.Sentiment.Label);
                writer.WriteNumberValue(turn.Sentiment.Confidence);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("h");
            foreach (var highlight in score.Highlights)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(highlight.TurnIndex);
                writer.WriteNumberValue(highlight.Start);
                writer.WriteNumberValue(highlight.Length);
                writer.WriteStringValue(highlight.Text);
                writer.WriteNumberValue(highlight.Weight);
                writer.WriteNumberValue((int)highlight.Kind);
                if (highlight.Emotion is { } emotion)
                {
                    writer.WriteNumberValue((int)emotion);
                }
                else
                {
                    writer.WriteNullValue();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("e");
            foreach (var (emotion, intensity) in score.CustomerEmotions)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue((int)emotion);
                writer.WriteNumberValue(intensity);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static (List<StoredTurnScore> Turns, List<Highlight> Highlights, Dictionary<Emotion, double> Emotions) Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var turns = root.GetProperty("t").EnumerateArray()
            .Select(t => new StoredTurnScore(
                t[0].GetInt32(), (SpeakerRole)t[1].GetInt32(), t[2].GetDouble(), (SentimentLabel)t[3].GetInt32(), t[4].GetDouble()))
            .ToList();
        var highlights = root.GetProperty("h").EnumerateArray()
            .Select(h => new Highlight(
                h[0].GetInt32(), h[1].GetInt32(), h[2].GetInt32(), h[3].GetString()!, h[4].GetDouble(), (EvidenceKind)h[5].GetInt32(),
                h[6].ValueKind == JsonValueKind.Null ? null : (Emotion)h[6].GetInt32()))
            .ToList();
        var emotions = root.GetProperty("e").EnumerateArray().ToDictionary(e => (Emotion)e[0].GetInt32(), e => e[1].GetDouble());
        return (turns, highlights, emotions);
    }
}
