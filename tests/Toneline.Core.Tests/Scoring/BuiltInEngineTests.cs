using System.Text.Json;
using Toneline.Core.Conversations;
using Toneline.Core.Scoring;
using Toneline.Core.Scoring.BuiltIn;

namespace Toneline.Core.Tests.Scoring;

public sealed class BuiltInEngineTests
{
    private static readonly BuiltInEngine Engine = BuiltInEngine.Default;

    public static TheoryData<string, string> GoldenCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "scoring.golden.jsonl")))
        {
            if (line.Length > 0)
            {
                using var doc = JsonDocument.Parse(line);
                data.Add(doc.RootElement.GetProperty("rule").GetString()!, line);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Score_GoldenCase_MatchesExpectation(string rule, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var role = root.TryGetProperty("role", out var r) && r.GetString() == "agent" ? SpeakerRole.Agent : SpeakerRole.Customer;
        string text = root.GetProperty("text").GetString()!;
        var result = Engine.Analyze(text, role);
        string because = $"{rule}: '{text}' scored {result.Score:F3} ({result.Label}) with evidence [{string.Join("; ", result.Evidence.Select(e => $"{e.Text} {e.Weight:+0.00;-0.00} {e.Note}"))}]";

        if (root.TryGetProperty("label", out var label))
        {
            Assert.True(Enum.Parse<SentimentLabel>(label.GetString()!, ignoreCase: true) == result.Label, because);
        }

        if (root.TryGetProperty("min", out var min))
        {
            Assert.True(result.Score >= min.GetDouble(), because);
        }

        if (root.TryGetProperty("max", out var max))
        {
            Assert.True(result.Score <= max.GetDouble(), because);
        }
    }

    [Fact]
    public void Analyze_EvidenceOffsets_PointAtTheCueInTheText()
    {
        const string text = "Well, the agent was not helpful, and I've been on hold for 40 minutes.";
        var result = Engine.Analyze(text);

        Assert.NotEmpty(result.Evidence);
        foreach (var evidence in result.Evidence)
        {
            Assert.Equal(evidence.Text, text.Substring(evidence.Start, evidence.Length));
        }

        var negated = Assert.Single(result.Evidence, e => e.Text == "helpful");
        Assert.True(negated.Weight < 0);
        Assert.Contains("negated", negated.Note, StringComparison.Ordinal);
        var hold = Assert.Single(result.Evidence, e => e.Kind == EvidenceKind.ServiceEvent);
        Assert.Contains("long duration", hold.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_DurationStrengthensHold()
    {
        var brief = Engine.Analyze("I was on hold.");
        var long_ = Engine.Analyze("I was on hold for two hours.");

        Assert.True(long_.Score < brief.Score, $"{long_.Score} should be below {brief.Score}");
    }

    [Fact]
    public void Analyze_Emotions_ComeFromCuesThatKeptTheirSign()
    {
        var frustrated = Engine.Analyze("I'm so frustrated, this is ridiculous.");
        var notFrustrated = Engine.Analyze("I'm not frustrated at all.");

        Assert.True(frustrated.Emotions.ContainsKey(Emotion.Frustration) || frustrated.Emotions.ContainsKey(Emotion.Anger));
        Assert.False(notFrustrated.Emotions.ContainsKey(Emotion.Frustration));
    }

    [Fact]
    public void Analyze_AgentApology_IsEmpathyNotNegativity()
    {
        const string text = "I'm so sorry for the inconvenience.";
        var agent = Engine.Analyze(text, SpeakerRole.Agent);
        var customer = Engine.Analyze(text, SpeakerRole.Customer);

        Assert.True(agent.Score >= 0);
        Assert.Contains(agent.Evidence, e => e.Kind == EvidenceKind.Courtesy);
        Assert.True(agent.Emotions.ContainsKey(Emotion.Empathy));
        Assert.True(customer.Score <= agent.Score);
    }

    [Fact]
    public void Summarize_AgreesWithAnalyze()
    {
        foreach (var text in new[] { "not bad at all", "THIS IS RIDICULOUS!!!", "Thanks, but no.", "", "   ", "#NAME# [redacted]" })
        {
            var summary = Engine.Summarize(text);
            var full = Engine.Analyze(text);
            Assert.Equal(full.Score, summary.Score);
            Assert.Equal(full.Label, summary.Label);
            Assert.Equal(full.Confidence, summary.Confidence);
        }
    }

    [Fact]
    public void Score_EmptyOrMaskedText_IsNeutralZero()
    {
        Assert.Equal(0, Engine.Summarize("").Score);
        Assert.Equal(SentimentLabel.Neutral, Engine.Summarize("#NAME# *** [PII]").Label);
    }

    [Fact]
    public void Score_IsDeterministicAcrossThreads()
    {
        string[] texts = ["great job", "not happy", "on hold for an hour", "thanks, but it still doesn't work", "ok"];
        var expected = texts.Select(t => Engine.Summarize(t).Score).ToArray();
        var results = new double[200][];
        Parallel.For(0, results.Length, i => results[i] = texts.Select(t => Engine.Summarize(t).Score).ToArray());

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Score_VeryLongText_StaysInRangeAndUsesPooledBuffer()
    {
        string text = string.Concat(Enumerable.Repeat("The agent was great. ", 500)) + "But I am still not happy.";
        var result = Engine.Analyze(text);

        Assert.InRange(result.Score, -1, 1);
        Assert.True(result.Score > 0);
        Assert.All(result.Evidence, e => Assert.Equal(e.Text, text.Substring(e.Start, e.Length)));
    }

    [Fact]
    public void Method_NamesEngineVersionAndOptions()
    {
        var method = Engine.Method;
        var other = new BuiltInEngine(new BuiltInEngineOptions { LabelThreshold = 0.3 }).Method;

        Assert.Equal(BuiltInEngine.EngineName, method.Engine);
        Assert.StartsWith(BuiltInEngine.CodeVersion + "+lex.", method.Version, StringComparison.Ordinal);
        Assert.Equal(method.Version, other.Version);
        Assert.NotEqual(method.OptionsHash, other.OptionsHash);
    }
}
