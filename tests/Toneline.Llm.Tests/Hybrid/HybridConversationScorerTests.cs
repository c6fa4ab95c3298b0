using Toneline.Llm.Hybrid;
using Toneline.Llm.Tests.Fakes;
using Toneline.Llm.Tests.Stub;

namespace Toneline.Llm.Tests.Hybrid;

public sealed class HybridConversationScorerTests
{
    private static readonly ScoreBandsMethod Method = new();

    [Theory]
    [InlineData(50, 0.9, 50, 50, Uncertainty.None)]
    [InlineData(50, 0.2, 50, 50, Uncertainty.LowConfidence)]
    [InlineData(50, 0.9, -50, 40, Uncertainty.MixedSignals)]
    [InlineData(23, 0.9, 23, 23, Uncertainty.NearBandBoundary)]
    [InlineData(-64, 0.9, -64, -64, Uncertainty.NearBandBoundary)]
    [InlineData(-18, 0.3, -18, -18, Uncertainty.LowConfidence | Uncertainty.NearBandBoundary)]
    public void Assess_FlagsEachKindOfUncertainty(int overall, double confidence, int customerStart, int customerEnd, Uncertainty expected)
    {
        var score = FixedScorer.Make(Conversations.Billing(), overall, Method.Value, confidence, customerStart, customerEnd);

        Assert.Equal(expected, UncertaintyRule.Assess(score, new HybridOptions()));
    }

    [Fact]
    public async Task Score_OnlyUnsureConversationsGoToTheLlmAndTheCostIsReported()
    {
        using var server = new StubLlmServer(StubReply.Scores(-70));
        var builtIn = new FixedScorer(score: c => FixedScorer.Make(c, c.Id == "sure" ? 80 : 19, Method.Value));
        using var llm = new LlmConversationScorer(TestOptions.For(server.Endpoint), TestOptions.Prompt(), builtIn);
        var hybrid = new HybridConversationScorer(builtIn, llm);

        var sure = await hybrid.ScoreDetailedAsync(Conversations.Billing("sure"));
        var unsure = await hybrid.ScoreDetailedAsync(Conversations.Billing("unsure"));

        Assert.Null(sure.Llm);
        Assert.Equal(80, sure.Score.Overall.Score);
        Assert.Equal(Uncertainty.NearBandBoundary, unsure.Uncertainty);
        Assert.Equal(-70, unsure.Score.Overall.Score);
        Assert.Equal(19, unsure.BuiltIn.Overall.Score);
        Assert.Equal((2, 1), (hybrid.Conversations, hybrid.SentToLlm));
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(0.125m, hybrid.LlmTotals.CostAt(llm.Options));
        Assert.StartsWith("hybrid", hybrid.Method.Engine, StringComparison.Ordinal);
    }

    private sealed class ScoreBandsMethod
    {
        public Core.Scoring.ScoringMethod Value { get; } = new("test-builtin", "1", "0");
    }
}
