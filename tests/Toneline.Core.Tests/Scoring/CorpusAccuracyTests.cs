using System.Text.Json;
using Toneline.Core.Conversations;
using Toneline.Core.Evaluation;
using Toneline.Core.Scoring;
using Toneline.Core.Scoring.BuiltIn;

namespace Toneline.Core.Tests.Scoring;

/// <summary>
/// Guards the shipped model against silent breakage (a tokenizer or hashing change without
/// retraining, a lexicon edit that upsets the learned layer): the engine must keep its accuracy on the
/// held-out fold of our own corpus, which lives in the repository. The floors sit about 0.05 below
/// what the model scored when it was trained.
/// </summary>
public sealed class CorpusAccuracyTests
{
    [Theory]
    [InlineData("customer.jsonl", 0.84)]
    [InlineData("agent_and_hard.jsonl", 0.75)]
    [InlineData("support.jsonl", 0.85)]
    [InlineData("social.jsonl", 0.84)]
    [InlineData("general.jsonl", 0.68)]
    public void HeldOutFold_MacroF1_StaysAboveFloor(string file, double floor)
    {
        var (learned, rules) = Evaluate(file);
        Assert.True(learned.MacroF1 >= floor, $"{file}: macro-F1 {learned.MacroF1:F3} on {learned.Total} held-out lines, floor {floor}");
        Assert.True(learned.MacroF1 > rules.MacroF1, $"{file}: the learned layer ({learned.MacroF1:F3}) should beat the rules alone ({rules.MacroF1:F3})");
    }

    [Fact]
    public void ChallengeSet_MacroF1_StaysAboveFloor()
    {
        // eval/challenge.jsonl is never trained on: 462 hard lines (negation, irony, counterfactuals,
        // agent empathy...). The model scored 0.801 when it was trained, the rules alone 0.586.
        var (learned, rules) = Evaluate(Path.Combine(RepositoryDirectory(), "eval", "challenge.jsonl"), heldOutOnly: false);
        Assert.True(learned.MacroF1 >= 0.77, $"challenge set: macro-F1 {learned.MacroF1:F3} on {learned.Total} lines, floor 0.77");
        Assert.True(learned.MacroF1 > rules.MacroF1 + 0.1, $"challenge set: the learned layer ({learned.MacroF1:F3}) should beat the rules alone ({rules.MacroF1:F3}) clearly");
    }

    [Fact]
    public void SupportTurns_MacroF1_StaysAboveFloor()
    {
        // eval/support_turns.jsonl is never trained on and its errors were never read: 600 turns of
        // support chats, calls and emails. The model scored 0.830 when it was added, the rules alone 0.572;
        // 0.852 after agents' words got features of their own.
        var (learned, rules) = Evaluate(Path.Combine(RepositoryDirectory(), "eval", "support_turns.jsonl"), heldOutOnly: false);
        Assert.True(learned.MacroF1 >= 0.82, $"support turns: macro-F1 {learned.MacroF1:F3} on {learned.Total} lines, floor 0.82");
        Assert.True(learned.MacroF1 > rules.MacroF1 + 0.15, $"support turns: the learned layer ({learned.MacroF1:F3}) should beat the rules alone ({rules.MacroF1:F3}) clearly");
    }

    [Fact]
    public void ServiceTweetsTestHalf_MacroF1_StaysAboveFloor()
    {
        // eval/service_tweets_test.jsonl is never trained on and its errors were never read: 350 posts
        // between customers and brands' support accounts. The model scored 0.856 when it was added, the
        // rules alone 0.634.
        var (learned, rules) = Evaluate(Path.Combine(RepositoryDirectory(), "eval", "service_tweets_test.jsonl"), heldOutOnly: false);
        Assert.True(learned.MacroF1 >= 0.82, $"service tweets (test half): macro-F1 {learned.MacroF1:F3} on {learned.Total} lines, floor 0.82");
        Assert.True(learned.MacroF1 > rules.MacroF1 + 0.15, $"service tweets (test half): the learned layer ({learned.MacroF1:F3}) should beat the rules alone ({rules.MacroF1:F3}) clearly");
    }

    [Fact]
    public void CallTurnsTestHalf_MacroF1_StaysAboveFloor()
    {
        // eval/call_turns_test.jsonl is never trained on and its errors were never read: 350 turns of
        // phone calls as speech-to-text services write them (unpunctuated, auto-punctuated, misheard).
        // The model scored 0.877 when it was added, the rules alone 0.678.
        var (learned, rules) = Evaluate(Path.Combine(RepositoryDirectory(), "eval", "call_turns_test.jsonl"), heldOutOnly: false);
        Assert.True(learned.MacroF1 >= 0.84, $"call turns (test half): macro-F1 {learned.MacroF1:F3} on {learned.Total} lines, floor 0.84");
        Assert.True(learned.MacroF1 > rules.MacroF1 + 0.12, $"call turns (test half): the learned layer ({learned.MacroF1:F3}) should beat the rules alone ({rules.MacroF1:F3}) clearly");
    }

    [Fact]
    public void ConversationsTestHalf_OverallMacroF1AndResolution_StayAboveFloors()
    {
        // eval/conversations_test.jsonl is never trained on and its errors were never read: 120 whole calls,
        // chats and email threads with a label for the conversation. Scored whole, with the default
        // aggregation, the engine read 0.759 when the set was added (0.732 before that session), the rules
        // alone 0.502; 0.770 once resolution moved the customer score (session 11).
        var path = Path.Combine(RepositoryDirectory(), "eval", "conversations_test.jsonl");
        var learned = new ConfusionMatrix(["negative", "neutral", "positive"]);
        var rules = new ConfusionMatrix(["negative", "neutral", "positive"]);
        var scorer = ConversationScorer.CreateDefault();
        var rulesScorer = new ConversationScorer(new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false }), new ConversationScorerOptions());
        int resolvedRight = 0;
        foreach (var line in File.ReadLines(path))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var conversation = ConversationOf(root);
            string gold = root.GetProperty("label").GetString()!;
            var score = scorer.Score(conversation);
            learned.Add(gold, Name(Shifts.LabelOf(score.Overall.Score)));
            rules.Add(gold, Name(Shifts.LabelOf(rulesScorer.Score(conversation).Overall.Score)));
            resolvedRight += score.Resolved == ResolvedOf(root) ? 1 : 0;
        }

        Assert.Equal(120, learned.Total);

        // Resolution read from cues (resolution.tsv) read 99 of 120 in session 11, 79 before.
        Assert.True(resolvedRight >= 90, $"conversations (test half): resolution right in {resolvedRight} of 120, floor 90");
        Assert.True(learned.MacroF1 >= 0.72, $"conversations (test half): macro-F1 {learned.MacroF1:F3}, floor 0.72");
        Assert.True(learned.MacroF1 > rules.MacroF1 + 0.15, $"conversations (test half): the learned layer ({learned.MacroF1:F3}) should beat the rules alone ({rules.MacroF1:F3}) clearly");
    }

    [Fact]
    public void ResolutionTestHalf_StaysAboveFloor()
    {
        // eval/resolution_test.jsonl: 60 conversations labeled only for resolution by a second writer
        // who saw none of the code; never read. Right in 40 of 60 from the closing mood alone (before
        // resolution.tsv), 47 with the cues of session 11.
        var scorer = ConversationScorer.CreateDefault();
        int right = 0, total = 0;
        foreach (var line in File.ReadLines(Path.Combine(RepositoryDirectory(), "eval", "resolution_test.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            right += scorer.Score(ConversationOf(doc.RootElement)).Resolved == ResolvedOf(doc.RootElement) ? 1 : 0;
            total++;
        }

        Assert.Equal(60, total);
        Assert.True(right >= 42, $"resolution (test half): right in {right} of 60, floor 42");
    }

    /// <summary>A labeled conversation line's conversation: its id and turns.</summary>
    private static Conversation ConversationOf(JsonElement root) => new(
        root.GetProperty("id").GetString()!,
        root.GetProperty("turns").EnumerateArray()
            .Select(t => new Turn(t.GetProperty("speaker").GetString() == "agent" ? SpeakerRole.Agent : SpeakerRole.Customer, t.GetProperty("text").GetString()!))
            .ToList());

    /// <summary>A labeled conversation line's gold resolution: true, false or null (unclear).</summary>
    private static bool? ResolvedOf(JsonElement root) =>
        root.GetProperty("resolved").ValueKind == JsonValueKind.Null ? null : root.GetProperty("resolved").GetBoolean();

    private static (ConfusionMatrix Learned, ConfusionMatrix Rules) Evaluate(string file) =>
        Evaluate(Path.Combine(RepositoryDirectory(), "corpus", file), heldOutOnly: true);

    private static (ConfusionMatrix Learned, ConfusionMatrix Rules) Evaluate(string path, bool heldOutOnly)
    {
        string file = Path.GetFileName(path);
        var rulesOnly = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });
        var learned = new ConfusionMatrix(["negative", "neutral", "positive"]);
        var rules = new ConfusionMatrix(["negative", "neutral", "positive"]);
        foreach (var line in File.ReadLines(path))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            string id = root.GetProperty("id").GetString()!;
            if (heldOutOnly && !DataSplit.IsHoldout(id))
            {
                continue;
            }

            string text = root.GetProperty("text").GetString()!;
            string gold = root.GetProperty("label").GetString()!;
            var role = root.TryGetProperty("speaker", out var speaker) && speaker.GetString() == "agent" ? SpeakerRole.Agent : SpeakerRole.Customer;
            learned.Add(gold, Name(BuiltInEngine.Default.Summarize(text, role).Label));
            rules.Add(gold, Name(rulesOnly.Summarize(text, role).Label));
        }

        Assert.True(learned.Total > 100, $"{file}: only {learned.Total} held-out lines");
        return (learned, rules);
    }

    private static string Name(SentimentLabel label) => label.ToString().ToLowerInvariant();

    private static string RepositoryDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Toneline.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Toneline.slnx above {AppContext.BaseDirectory}.");
    }
}
