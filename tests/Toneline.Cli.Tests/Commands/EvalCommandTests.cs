using System.Text.Json;
using Toneline.Cli.Commands;
using Toneline.Core.Conversations;
using Toneline.Core.Scoring.BuiltIn;

namespace Toneline.Cli.Tests.Commands;

/// <summary><c>toneline eval</c> on small labeled files: per-speaker reports, whole-conversation labels, bad input.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("toneline-eval-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Eval_SentenceFileWithBothSpeakers_ReportsTheWholeFileAndEachSpeaker()
    {
        var file = Write(
            "turns.jsonl",
            """{"id":"1","text":"This is the worst service I have ever had, I'm furious.","label":"negative","speaker":"customer"}""",
            """{"id":"2","text":"Thank you so much, you fixed it, amazing!","label":"positive","speaker":"customer"}""",
            """{"id":"3","text":"Can I have your account number, please?","label":"neutral","speaker":"agent"}""");

        var root = RunJson(file);

        Assert.Equal(3, root.GetProperty("n").GetInt32());
        var groups = root.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("speaker").GetString()!, g => g.GetProperty("n").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["all"] = 3, ["agent"] = 1, ["customer"] = 2 }, groups);

        // The headline is the whole file's, not an average over speakers.
        var all = root.GetProperty("groups")[0];
        Assert.Equal(all.GetProperty("macro_f1").GetDouble(), root.GetProperty("macro_f1").GetDouble());
    }

    [Fact]
    public void Eval_SentenceFileWithOneSpeaker_ReportsOnlyTheWholeFile()
    {
        var file = Write("one.jsonl", """{"text":"terrible, still broken","label":"negative"}""", """{"text":"great, thanks","label":"positive"}""");

        var groups = RunJson(file).GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("speaker").GetString()).ToList();

        Assert.Equal(["all"], groups);
    }

    [Fact]
    public void Eval_DialoguesWithConversationLabels_ScoresWholeConversationsPerAspect()
    {
        var file = Write(
            "calls.jsonl",
            Dialogue(
                "angry",
                """ "label":"negative","customer_label":"negative","agent_label":"neutral","customer_start":"negative","customer_end":"negative","resolved":false """,
                ("customer", "I've been charged twice and nobody will fix it. This is ridiculous."),
                ("agent", "I can see the two charges on the account."),
                ("customer", "Still not fixed after three calls. Worst company ever, I'm cancelling.")),
            Dialogue(
                "recovered",
                """ "label":"positive","customer_label":"positive","agent_label":"positive","customer_start":"negative","customer_end":"positive","resolved":true """,
                ("customer", "My internet has been down for two days and I'm really frustrated."),
                ("agent", "I'm so sorry, let me fix that for you right now."),
                ("agent", "Great news, I've reset the line and it's back up."),
                ("customer", "It works now! Thank you so much, you've been amazing.")),
            Dialogue(
                "unlabeled",
                "",
                ("customer", "what time do you open?")));

        var root = RunJson(file);
        var aspects = root.GetProperty("groups").EnumerateArray()
            .Where(g => g.TryGetProperty("aspect", out _))
            .ToDictionary(g => g.GetProperty("aspect").GetString()!, g => g);

        Assert.Equal(["conversation", "conversation customer", "conversation agent", "customer start", "customer end", "resolved"], aspects.Keys);

        // The dialogue without conversation labels is not counted; the two labeled ones are read right.
        foreach (var aspect in new[] { "conversation", "conversation customer", "customer start", "customer end", "resolved" })
        {
            Assert.Equal(2, aspects[aspect].GetProperty("n").GetInt32());
            Assert.True(aspects[aspect].GetProperty("accuracy").GetDouble() == 1, aspect);
        }

        var confusion = aspects["conversation"].GetProperty("confusion");
        Assert.Equal(1, confusion.GetProperty("negative").GetProperty("negative").GetInt32());
        Assert.Equal(1, confusion.GetProperty("positive").GetProperty("positive").GetInt32());

        // The turns are still reported per speaker, and the headline numbers are theirs.
        Assert.Contains(root.GetProperty("groups").EnumerateArray(), g => g.TryGetProperty("speaker", out var s) && s.GetString() == "customer");
    }

    [Fact]
    public void Eval_Predictions_WritesEveryTextAndConversationAspectWithGoldAndPrediction()
    {
        var file = Write(
            "calls.jsonl",
            Dialogue(
                "c1",
                """ "label":"negative","resolved":false """,
                ("customer", "Still not fixed after three calls. Worst company ever, I'm cancelling."),
                ("agent", "I understand.")));
        var predictions = new FileInfo(Path.Combine(_root.FullName, "predictions.jsonl"));

        int code = EvalCommand.Run(file, SpeakerRole.Customer, json: false, BuiltInEngine.Default, all: false, TextWriter.Null, Error(out var error), predictions);

        Assert.True(code == 0, error.ToString());
        var rows = File.ReadAllLines(predictions.FullName).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(["customer", "agent"], rows.Take(2).Select(r => r.GetProperty("speaker").GetString()));
        Assert.Equal("negative", rows[0].GetProperty("predicted").GetString());
        Assert.True(rows[0].GetProperty("score").GetDouble() < -0.2);
        Assert.Equal("I understand.", rows[1].GetProperty("text").GetString());
        var conversation = rows.Single(r => r.TryGetProperty("aspect", out var a) && a.GetString() == "conversation");
        Assert.Equal("c1", conversation.GetProperty("id").GetString());
        Assert.Equal("negative", conversation.GetProperty("label").GetString());
        Assert.Equal("negative", conversation.GetProperty("predicted").GetString());
        var resolved = rows.Single(r => r.TryGetProperty("aspect", out var a) && a.GetString() == "resolved");
        Assert.Equal("unresolved", resolved.GetProperty("label").GetString());
    }

    [Fact]
    public void Eval_ConversationsLabeledOnlyAsAWhole_AreEnough()
    {
        // A set labeled only for resolution, with no turn labels: the conversations are scored all the same.
        var file = Write(
            "resolution.jsonl",
            """{"id":"r1","resolved":true,"turns":[{"speaker":"customer","text":"my card was declined"},{"speaker":"agent","text":"I've unlocked the card, it was a fraud hold."},{"speaker":"customer","text":"ok it went through, thanks"}]}""",
            """{"id":"r2","resolved":false,"turns":[{"speaker":"customer","text":"can I get a refund on the fare?"},{"speaker":"agent","text":"I'm sorry, that fare is non-refundable, I'm not able to refund it."},{"speaker":"customer","text":"okay, thanks anyway"}]}""");
        var output = new StringWriter();

        int code = EvalCommand.Run(file, SpeakerRole.Customer, json: false, BuiltInEngine.Default, all: false, output, Error(out var error));

        Assert.True(code == 0, error.ToString());
        Assert.Contains("n=0, no labeled texts, conversations only", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("[resolved] n=2  accuracy=1.000", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_DialogueWithoutConversationLabels_ReportsTurnsOnly()
    {
        var file = Write(
            "turns_only.jsonl",
            """{"id":"d1","turns":[{"speaker":"customer","text":"this is useless","label":"negative"},{"speaker":"agent","text":"how can I help?"}]}""");

        var root = RunJson(file);

        Assert.DoesNotContain(root.GetProperty("groups").EnumerateArray(), g => g.TryGetProperty("aspect", out _));
    }

    [Theory]
    [InlineData("""{"id":"d1","label":"angry","turns":[{"speaker":"customer","text":"hi"}]}""", "calls.jsonl:2: label: expected negative, neutral or positive, got 'angry'")]
    [InlineData("""{"id":"d1","resolved":"yes","turns":[{"speaker":"customer","text":"hi"}]}""", "calls.jsonl:2: resolved: expected true, false or null, got \"yes\"")]
    [InlineData("""{"id":"d1","turns":[{"speaker":"customer","text":"hi","label":"good"}]}""", "calls.jsonl:2: turns[0].label: expected negative, neutral or positive, got 'good'")]
    public void Eval_BadLabel_FailsNamingTheFileLineAndField(string badLine, string expected)
    {
        var file = Write("calls.jsonl", """{"id":"d0","label":"neutral","turns":[{"speaker":"customer","text":"ok","label":"neutral"}]}""", badLine);

        int code = EvalCommand.Run(file, SpeakerRole.Customer, json: true, BuiltInEngine.Default, all: false, TextWriter.Null, Error(out var error));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }

    private static string Dialogue(string id, string labels, params (string Speaker, string Text)[] turns) =>
        "{\"id\":\"" + id + "\"," + (labels.Trim().Length > 0 ? labels.Trim() + "," : "") + "\"turns\":["
        + string.Join(",", turns.Select(t => JsonSerializer.Serialize(new { speaker = t.Speaker, text = t.Text, label = "neutral" })))
        + "]}";

    private static StringWriter Error(out StringWriter error) => error = new StringWriter();

    private FileInfo Write(string name, params string[] lines)
    {
        var path = Path.Combine(_root.FullName, name);
        File.WriteAllLines(path, lines);
        return new FileInfo(path);
    }

    private static JsonElement RunJson(FileInfo file)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = EvalCommand.Run(file, SpeakerRole.Customer, json: true, BuiltInEngine.Default, all: false, output, error);
        Assert.True(code == 0, error.ToString());
        return JsonDocument.Parse(output.ToString()).RootElement.Clone();
    }
}
