using System.Text.Json;
using Toneline.Core.Conversations;
using Toneline.Core.Scoring;
using Toneline.Core.Scoring.BuiltIn.Training;

namespace Toneline.Cli.Training;

/// <summary>Loads the labeled files the learned layer trains on.</summary>
/// <remarks>
/// Sentence files have <c>{"id","text","label"}</c> lines (and optionally "speaker"); dialogue files have
/// <c>{"id","turns":[{"speaker","text","label"?}]}</c>; the emotion file maps anger and sadness to
/// negative, joy and optimism to positive.
/// </remarks>
internal static class TrainingSources
{
    /// <summary>The public development files, relative to the data directory.</summary>
    public static readonly string[] PublicFiles =
    [
        "airline_tweets_dev.jsonl",
        "tweeteval_sentiment_val.jsonl",
        "uci_all.jsonl",
        "sst2_dev.jsonl",
        "tweeteval_emotion.jsonl",
    ];

    /// <summary>The dialogue files with per-turn satisfaction labels.</summary>
    public static readonly string[] DialogueFiles = ["uss_mwoz.dialogues.jsonl", "uss_sgd.dialogues.jsonl"];

    public static List<TrainingExample> Load(string path)
    {
        var source = Path.GetFileName(path);
        var examples = new List<TrainingExample>();
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
                var root = document.RootElement;
                string id = root.TryGetProperty("id", out var idElement) ? idElement.ToString() : "";
                if (root.TryGetProperty("turns", out var turns))
                {
                    int index = 0;
                    foreach (var turn in turns.EnumerateArray())
                    {
                        if (turn.TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.String)
                        {
                            // Turns of one dialogue share its fold, so no dialogue is split across train and test.
                            examples.Add(new TrainingExample(source, id, turn.GetProperty("text").GetString() ?? "", RoleOf(turn), Parse(label.GetString()), false));
                        }

                        index++;
                    }

                    continue;
                }

                string text = root.GetProperty("text").GetString() ?? "";
                string key = id.Length > 0 ? id : text;
                if (root.TryGetProperty("emotion", out var emotion))
                {
                    var mapped = emotion.GetString() is "anger" or "sadness" ? SentimentLabel.Negative : SentimentLabel.Positive;
                    examples.Add(new TrainingExample(source, key, text, SpeakerRole.Customer, mapped, true));
                    continue;
                }

                examples.Add(new TrainingExample(source, key, text, RoleOf(root), Parse(root.GetProperty("label").GetString()), false));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new FormatException($"{path}:{lineNumber}: {ex.Message}", ex);
            }
        }

        // A source without neutral labels is binary: it teaches negative versus positive only.
        if (examples.TrueForAll(e => e.Label != SentimentLabel.Neutral))
        {
            examples = examples.ConvertAll(e => e with { Binary = true });
        }

        return examples;
    }

    private static SpeakerRole RoleOf(JsonElement element) =>
        element.TryGetProperty("speaker", out var speaker) && speaker.GetString() is "agent" or "assistant"
            ? SpeakerRole.Agent
            : SpeakerRole.Customer;

    private static SentimentLabel Parse(string? label) => label switch
    {
        "negative" => SentimentLabel.Negative,
        "neutral" => SentimentLabel.Neutral,
        "positive" => SentimentLabel.Positive,
        _ => throw new FormatException($"label: expected negative, neutral or positive, got '{label}'"),
    };
}
