using System.Text.Json;

namespace Toneline.Cli.Tests.Commands;

/// <summary><c>toneline train</c> on small generated files (the real training data is not in the repository).</summary>
public sealed class TrainCommandTests : IDisposable
{
    private static readonly string[] Positive = ["great service, thank you", "love it, works perfectly", "the agent was so helpful", "fixed fast, awesome"];
    private static readonly string[] Negative = ["terrible service", "still broken, so annoyed", "worst support ever", "on hold forever, useless"];
    private static readonly string[] Neutral = ["my order number is 4417", "what time do you open", "I moved to Denver", "the plan renews monthly"];

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("toneline-train-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Train_CvPredictions_WritesEveryCrossValidatedTextWithLabelAndPrediction()
    {
        var (data, corpus) = WriteSources();
        string predictions = Path.Combine(_root.FullName, "cv.jsonl");

        int code = Cli.RunProcess(
            out var output, out var error, "train", "--data", data, "--corpus", corpus, "--cv", "--cv-predictions", predictions, "--output", Path.Combine(_root.FullName, "model.bin"));

        Assert.True(code == 0, error);
        Assert.Contains("4-fold cross-validation", output, StringComparison.Ordinal);
        var rows = File.ReadAllLines(predictions).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        int trainingTexts = int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"training on folds 1-4 \((\d+)\)").Groups[1].Value);
        Assert.Equal(trainingTexts, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.InRange(r.GetProperty("fold").GetInt32(), 1, 4);
            Assert.Contains(r.GetProperty("label").GetString(), new[] { "negative", "neutral", "positive" });
            Assert.Contains(r.GetProperty("predicted").GetString(), new[] { "negative", "neutral", "positive" });
            Assert.InRange(r.GetProperty("score").GetDouble(), -1, 1);
            Assert.False(string.IsNullOrEmpty(r.GetProperty("text").GetString()));
        });
        Assert.Contains(rows, r => r.GetProperty("source").GetString() == "corpus_test.jsonl");
    }

    [Fact]
    public void Train_SameSeed_SameModel_AnotherSeed_AnotherModel()
    {
        // Reproducible byte for byte; and the seed really drives the shuffle (the scores move, not only
        // the seed written in the model's description), so another seed shows how much of a
        // difference between two trainings is chance.
        var (data, corpus) = WriteSources();
        string Train(string seed, string name)
        {
            string model = Path.Combine(_root.FullName, name);
            int code = Cli.RunProcess(out _, out var error, "train", "--data", data, "--corpus", corpus, "--seed", seed, "--output", model);
            Assert.True(code == 0, error);
            return model;
        }

        static string Scores(string model) => string.Join(
            "\n",
            new[] { "great service but still broken", "what time do you open, the agent was so helpful", "worst plan ever, thank you" }.Select(text =>
            {
                Assert.Equal(0, Cli.RunProcess(out var output, out _, "analyze", text, "--model", model));
                return output.Split('\n')[0];
            }));

        string first = Train("5", "a.bin");
        string again = Train("5", "b.bin");
        string other = Train("6", "c.bin");

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(again));
        Assert.NotEqual(Scores(first), Scores(other));
    }

    [Fact]
    public void Train_CvPredictionsWithoutCv_IsAUsageError()
    {
        int code = Cli.RunProcess(out _, out var error, "train", "--cv-predictions", Path.Combine(_root.FullName, "cv.jsonl"));

        Assert.Equal(2, code);
        Assert.Contains("--cv-predictions needs --cv", error, StringComparison.Ordinal);
    }

    private (string Data, string Corpus) WriteSources()
    {
        var data = _root.CreateSubdirectory("data");
        var corpus = _root.CreateSubdirectory("corpus");
        foreach (string file in new[] { "airline_tweets_dev.jsonl", "tweeteval_sentiment_val.jsonl" })
        {
            WriteLabeled(Path.Combine(data.FullName, file), withNeutral: true);
        }

        foreach (string file in new[] { "uci_all.jsonl", "sst2_dev.jsonl" })
        {
            WriteLabeled(Path.Combine(data.FullName, file), withNeutral: false);
        }

        File.WriteAllLines(
            Path.Combine(data.FullName, "tweeteval_emotion.jsonl"),
            Enumerable.Range(0, 40).Select(i => JsonSerializer.Serialize(new { id = $"emo-{i}", text = i % 2 == 0 ? Positive[i % 4] : Negative[i % 4], emotion = i % 2 == 0 ? "joy" : "anger" })));
        WriteLabeled(Path.Combine(corpus.FullName, "corpus_test.jsonl"), withNeutral: true);
        return (data.FullName, corpus.FullName);
    }

    private static void WriteLabeled(string path, bool withNeutral)
    {
        string prefix = Path.GetFileNameWithoutExtension(path);
        var lines = Enumerable.Range(0, 60).Select(i =>
        {
            int kind = withNeutral ? i % 3 : i % 2;
            var (texts, label) = kind switch { 0 => (Positive, "positive"), 1 => (Negative, "negative"), _ => (Neutral, "neutral") };
            return JsonSerializer.Serialize(new { id = $"{prefix}-{i}", text = $"{texts[i % texts.Length]} #{i}", label });
        });
        File.WriteAllLines(path, lines);
    }
}
