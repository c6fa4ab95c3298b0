using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Toneline.Cli.Commands;
using Toneline.Core.Conversations;
using Toneline.Core.Formats;

namespace Toneline.Cli.Tests.Commands;

public sealed class ScoreCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "toneline-score-cli-" + Guid.NewGuid().ToString("N"));

    public ScoreCommandTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("account-locked.vtt")]
    [InlineData("billing-and-access.csv")]
    [InlineData("billing-double-charge.txt")]
    [InlineData("cancellation-transfer.json")]
    [InlineData("delivery-batch.jsonl")]
    [InlineData("insurance-renewal.amazon.json")]
    [InlineData("laptop-update.assemblyai.json")]
    [InlineData("router-activation.srt")]
    public void Score_SampleInEveryFormat_WritesScoresBandsHighlightsAndMethod(string sample)
    {
        var path = Samples.Path(sample);
        var turnsById = ConversationReader.ReadFile(path).Select(r => r.Conversation!).ToDictionary(c => c.Id, c => c.Turns);

        var code = Cli.Run(out var output, out var error, "score", path);

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        Assert.Equal(turnsById.Count, json.RootElement.GetArrayLength());
        foreach (var result in json.RootElement.EnumerateArray())
        {
            var turns = turnsById[result.GetProperty("id").GetString()!];
            AssertSide(result.GetProperty("overall"));
            foreach (var side in new[] { "agent", "customer" })
            {
                if (result.GetProperty(side).ValueKind != JsonValueKind.Null)
                {
                    AssertSide(result.GetProperty(side));
                }
            }

            var method = result.GetProperty("method");
            Assert.Equal(ConversationScorer.CreateDefault().Method.Engine, method.GetProperty("engine").GetString());
            Assert.False(string.IsNullOrEmpty(method.GetProperty("version").GetString()));
            Assert.False(string.IsNullOrEmpty(method.GetProperty("options_hash").GetString()));
            Assert.Contains(result.GetProperty("role_source").GetString(), new[] { "input", "mapping", "heuristic" });
            foreach (var highlight in result.GetProperty("highlights").EnumerateArray())
            {
                var text = turns[highlight.GetProperty("turn").GetInt32()].Text;
                var start = highlight.GetProperty("start").GetInt32();
                var length = highlight.GetProperty("length").GetInt32();
                Assert.Equal(highlight.GetProperty("text").GetString(), text.Substring(start, length));
            }
        }
    }

    [Fact]
    public void Score_JsonlOutput_WritesOneObjectPerLinePerConversation()
    {
        var code = Cli.Run(out var output, out _, "score", Samples.Path("delivery-batch.jsonl"), "--output", "jsonl");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ConversationReader.ReadFile(Samples.Path("delivery-batch.jsonl")).Count(), lines.Length);
        Assert.All(lines, line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
    }

    [Fact]
    public void Score_TableOutput_ListsEveryConversationId()
    {
        var code = Cli.Run(out var output, out _, "score", Samples.Path("delivery-batch.jsonl"), "--output", "table");

        Assert.Equal(0, code);
        foreach (var result in ConversationReader.ReadFile(Samples.Path("delivery-batch.jsonl")))
        {
            Assert.Contains(result.Conversation!.Id, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Score_Directory_ScoresEveryTranscriptInIt()
    {
        var expected = Directory.EnumerateFiles(Samples.Directory)
            .Where(f => Path.GetExtension(f) is ".json" or ".jsonl" or ".txt" or ".vtt" or ".srt" or ".csv")
            .Sum(f => ConversationReader.ReadFile(f).Count());

        var code = Cli.Run(out var output, out var error, "score", Samples.Directory, "--output", "jsonl");

        Assert.True(code == 0, error);
        Assert.Equal(expected, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Score_Stdin_ReadsStandardInputAndDetectsTheFormat()
    {
        using var stdin = new StringReader("Agent: Thank you for calling, how can I help?\nCustomer: My router is broken and I'm furious.\nAgent: I'm sorry, I've sent a new one.\nCustomer: Great, thanks!\n");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await ScoreCommand.RunAsync(["-"], ConversationScorer.CreateDefault(), new ScoreCommand.Settings { Output = OutputFormat.Jsonl }, stdin, output, error, CancellationToken.None);

        Assert.True(code == 0, error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal("stdin", json.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public void Score_BatchWithABadConversation_NamesFileAndLineAndScoresTheRest()
    {
        var path = Path.Combine(_directory, "batch.jsonl");
        File.WriteAllLines(path,
        [
            """{"id":"good-1","turns":[{"speaker":"customer","text":"Thanks, that fixed it."}]}""",
            """{"id":"bad","turns":[{"speaker":"customer"}]}""",
            """{"id":"good-2","turns":[{"speaker":"customer","text":"Still broken, I want a refund."}]}""",
        ]);

        var code = Cli.Run(out var output, out var error, "score", path, "--output", "jsonl");

        Assert.Equal(1, code);
        Assert.Contains("batch.jsonl:2", error, StringComparison.Ordinal);
        Assert.Equal(["good-1", "good-2"], Ids(output));
    }

    [Fact]
    public void Score_MissingFile_IsBadInputNamingThePath()
    {
        var missing = Path.Combine(_directory, "nosuch.jsonl");

        var code = Cli.Run(out _, out var error, "score", missing);

        Assert.Equal(1, code);
        Assert.Contains("nosuch.jsonl", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_AgentOption_MapsRolesAndReportsMapping()
    {
        var path = Path.Combine(_directory, "names.txt");
        File.WriteAllText(path, "Dana: Hello, this is Dana.\nSam: My bill is wrong again.\nDana: I've corrected it for you.\nSam: Thanks, that helps.\n");

        Assert.Equal(0, Cli.Run(out var output, out _, "score", path, "--agent", "Sam", "--output", "jsonl"));

        using var json = JsonDocument.Parse(output);
        Assert.Equal("mapping", json.RootElement.GetProperty("role_source").GetString());
        var first = json.RootElement.GetProperty("turns")[1];
        Assert.Equal("agent", first.GetProperty("role").GetString());
    }

    [Fact]
    public void Score_LlmEngineWithoutEndpoint_IsAUsageErrorNamingTheOption()
    {
        var code = Cli.Run(out _, out var error, "score", Samples.Path("plan-question-chat.txt"), "--engine", "llm", "--endpoint", "not a url", "--model", "m");

        Assert.Equal(2, code);
        Assert.Contains("--endpoint", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_HundredsOfConversationsInSmallBatches_KeepsInputOrder()
    {
        var path = Path.Combine(_directory, "many.jsonl");
        var sentences = new[] { "Thanks, that fixed it!", "I've been on hold for an hour.", "Not happy at all.", "Okay.", "It still doesn't work after three calls and I want to cancel my account." };
        File.WriteAllLines(path, Enumerable.Range(0, 300).Select(i => JsonSerializer.Serialize(new
        {
            id = string.Create(CultureInfo.InvariantCulture, $"c{i:D4}"),
            turns = Enumerable.Range(0, 1 + (i * 7 % 13)).Select(t => new { speaker = t % 2 == 0 ? "customer" : "agent", text = sentences[(i + t) % sentences.Length] }),
        })));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = new ScoreCommand.Settings { Output = OutputFormat.Jsonl, BatchSize = 16, Concurrency = 4 };

        var code = await ScoreCommand.RunAsync([path], ConversationScorer.CreateDefault(), settings, TextReader.Null, output, error, CancellationToken.None);

        Assert.True(code == 0, error.ToString());
        Assert.Equal(Enumerable.Range(0, 300).Select(i => string.Create(CultureInfo.InvariantCulture, $"c{i:D4}")), Ids(output.ToString()));
    }

    [Fact]
    public void Score_JsonOutputOfManyBatches_IsOneValidArray()
    {
        var path = Path.Combine(_directory, "array.jsonl");
        File.WriteAllLines(path, Enumerable.Range(0, 600).Select(i => string.Create(CultureInfo.InvariantCulture,
            $$"""{"id":"a{{i}}","turns":[{"speaker":"customer","text":"The refund arrived, thank you!"}]}""")));

        Assert.Equal(0, Cli.Run(out var output, out _, "score", path));

        using var json = JsonDocument.Parse(output);
        Assert.Equal(600, json.RootElement.GetArrayLength());
    }

    private static void AssertSide(JsonElement side)
    {
        Assert.InRange(side.GetProperty("score").GetInt32(), -100, 100);
        Assert.Contains(side.GetProperty("band").GetString(), new[] { "very_negative", "negative", "neutral", "positive", "very_positive" });
    }

    private static List<string> Ids(string jsonl) =>
        [.. jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!)];
}
