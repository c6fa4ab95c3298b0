using Toneline.Llm.Regression;
using Toneline.Llm.Tests.Fakes;

namespace Toneline.Llm.Tests.Regression;

public sealed class RegressionRunnerTests
{
    [Fact]
    public async Task Run_ThreeWayLabels_ReportsAccuracyPerClassAndFlips()
    {
        var set = new[]
        {
            new LabeledConversation(Conversations.Billing("a"), "positive"),
            new LabeledConversation(Conversations.Billing("b"), "negative"),
            new LabeledConversation(Conversations.Billing("c"), "Neutral"),
            new LabeledConversation(Conversations.Billing("d"), "negative"),
        };
        var candidate = new FixedScorer(score: c => FixedScorer.Make(c, c.Id switch { "a" => 50, "b" => -50, "c" => 0, _ => 10 }, new("cand", "1", "0")));
        var active = new FixedScorer(score: c => FixedScorer.Make(c, c.Id switch { "a" => 50, "b" => 0, "c" => 0, _ => -40 }, new("act", "1", "0")));

        var report = await RegressionRunner.RunAsync(set, candidate, active);

        Assert.Equal(LabelScale.ThreeWay, report.Scale);
        Assert.Equal(0.75, report.CandidateAccuracy);
        Assert.Equal(0.75, report.ActiveAccuracy);
        Assert.Equal(["b", "d"], report.Flips.Select(f => f.ConversationId));
        Assert.True(report.Flips[0].Fixed);
        Assert.True(report.Flips[1].Broke);
        var negative = report.PerClass.Single(m => m.Label == "negative");
        Assert.Equal((1.0, 0.5), (negative.Precision, negative.Recall));
    }

    [Fact]
    public async Task Run_AnyVeryLabel_JudgesOnFiveBands()
    {
        var set = new[]
        {
            new LabeledConversation(Conversations.Billing("a"), "very_positive"),
            new LabeledConversation(Conversations.Billing("b"), "Positive"),
        };
        var scorer = new FixedScorer(overall: 70);

        var report = await RegressionRunner.RunAsync(set, scorer, scorer);

        Assert.Equal(LabelScale.FiveBands, report.Scale);
        Assert.Equal(0.5, report.CandidateAccuracy);
        Assert.Equal(5, report.PerClass.Count);
        Assert.Empty(report.Flips);
    }

    [Fact]
    public async Task Run_UnknownLabel_NamesTheConversation()
    {
        var set = new[] { new LabeledConversation(Conversations.Billing("x1"), "great") };
        var scorer = new FixedScorer();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => RegressionRunner.RunAsync(set, scorer, scorer));

        Assert.Contains("'x1'", error.Message, StringComparison.Ordinal);
    }
}
