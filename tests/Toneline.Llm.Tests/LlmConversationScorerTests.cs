using Toneline.Core.Conversations;
using Toneline.Llm.Prompts;
using Toneline.Llm.Tests.Fakes;
using Toneline.Llm.Tests.Stub;

namespace Toneline.Llm.Tests;

public sealed class LlmConversationScorerTests : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    [Fact]
    public async Task Score_GoodAnswer_UsesTheModelsScoresStampedWithThePromptVersion()
    {
        var (scorer, server, fallback) = Create(options => options, StubReply.Scores(55, agent: 35, customer: 45));

        var result = await scorer.ScoreDetailedAsync(Conversations.Billing());

        Assert.True(result.UsedLlm);
        Assert.Equal(55, result.Score.Overall.Score);
        Assert.Equal(35, result.Score.Agent?.Score);
        Assert.Equal(45, result.Score.Customer?.Score);
        Assert.Equal(Shift.NegativeToPositive, result.Score.Shift);
        Assert.Equal("llm", result.Score.Method.Engine);
        Assert.Equal("stub-model@p1", result.Score.Method.Version);
        Assert.Equal(1, result.Requests);
        Assert.Equal(0, fallback.Calls);
        Assert.Equal(["/v1/chat/completions"], server.Paths);
    }

    [Fact]
    public async Task Score_GoodAnswer_CostIsComputedFromReportedTokens()
    {
        var (scorer, _, _) = Create(options => options, StubReply.Scores(10));

        var result = await scorer.ScoreDetailedAsync(Conversations.Billing());

        // 100 prompt tokens at 0.5 per 1k plus 50 completion tokens at 1.5 per 1k.
        Assert.Equal(new TokenUsage(100, 50), result.Usage);
        Assert.Equal(0.125m, result.Cost);
        Assert.Equal(0.125m, scorer.Totals.CostAt(scorer.Options));
    }

    [Fact]
    public async Task Score_Request_AsksForStrictJsonSchemaWithTheDefinitions()
    {
        var (scorer, server, _) = Create(options => options with { Temperature = 0.2f }, StubReply.Scores(10));

        await scorer.ScoreDetailedAsync(Conversations.Billing());

        var body = Assert.Single(server.RequestBodies);
        Assert.Contains("\"json_schema\"", body, StringComparison.Ordinal);
        Assert.Contains("\"strict\":true", body, StringComparison.Ordinal);
        Assert.Contains("\"model\":\"stub-model\"", body, StringComparison.Ordinal);
        Assert.Contains("all of their questions were answered", body, StringComparison.Ordinal);
        Assert.Contains("[2] Customer: My bill is wrong", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_QuotesInTheTranscript_BecomeHighlightsAtTheirOffsets()
    {
        var (scorer, _, _) = Create(options => options, StubReply.Scores(40,
            customerQuotes: ["my bill is wrong again", "thank you so much for fixing it"],
            agentQuotes: ["I have corrected the charge"]));

        var result = await scorer.ScoreDetailedAsync(Conversations.Billing());

        Assert.Empty(result.DroppedQuotes);
        Assert.Collection(result.Score.Highlights,
            h =>
            {
                Assert.Equal((1, 0), (h.TurnIndex, h.Start));
                Assert.Equal("My bill is wrong   AGAIN", h.Text);
                Assert.True(h.Weight < 0);
            },
            h =>
            {
                Assert.Equal(3, h.TurnIndex);
                Assert.Equal("thank you so much for fixing it", h.Text);
                Assert.True(h.Weight > 0);
            },
            h => Assert.Equal((2, 22, "I have corrected the charge"), (h.TurnIndex, h.Start, h.Text)));
    }

    [Fact]
    public async Task Score_QuoteNotInTheTranscript_IsDroppedAndRecorded()
    {
        var (scorer, _, _) = Create(options => options, StubReply.Scores(40, customerQuotes: ["I will cancel my contract", "thank you so much"]));

        var result = await scorer.ScoreDetailedAsync(Conversations.Billing());

        Assert.True(result.UsedLlm);
        Assert.Equal(["I will cancel my contract"], result.DroppedQuotes);
        Assert.Equal("thank you so much", Assert.Single(result.Score.Highlights).Text);
        Assert.Equal(1, scorer.Totals.DroppedQuotes);
    }

    [Fact]
    public async Task Score_MalformedJson_IsAskedAgainAndTheSecondAnswerIsUsed()
    {
        var (scorer, server, _) = Create(options => options, StubReply.Answer("{\"overall\": 40, \"agent\": "), StubReply.Scores(40));

        var result = await scorer.ScoreDetailedAsync(Conversations.Billing());

        Assert.True(result.UsedLlm);
        Assert.Equal(2, result.AnswerAttempts);
        Assert.Contains("not valid JSON", Assert.Single(result.RejectedAnswers), StringComparison.Ordinal);
        Assert.Contains("That answer was rejected", server.RequestBodies[1], StringComparison.Ordinal);
        Assert.Equal(new TokenUsage(200, 100), result.Usage);
    }

    [Fact]
    public async Task Score_MalformedJsonEveryTime_FallsBackWithTheReason()
    {
        var (scorer, server, fallback) = Create(options => options, StubReply.Answer("Sure! The call was positive."));

        var result = await scorer.ScoreDetailedAsync(Conversations.Billing());

        Assert.False(result.UsedLlm);
        Assert.Equal("test-builtin", result.Score.Method.Engine);
        Assert.Equal(1, fallback.Calls);
        Assert.Equal(2, server.RequestCount);
        Assert.Contains("not valid JSON", result.FallbackReason, StringComparison.Ordinal);
        Assert.Equal(0.25m, result.Cost);
        Assert.Equal(1, scorer.Totals.Fallbacks);
    }

    [Fact]
    public async Task Score_OutOfRangeScore_IsRejectedThenFallsBack()
    {
        var (scorer, _, _) = Create(options => options with { MaxAnswerAttempts = 3 }, StubReply.Scores(150));

        var result = await scorer.ScoreDetailedAsync(Conversations.Billing());

        Assert.False(result.UsedLlm);
        Assert.Equal(3, result.AnswerAttempts);
        Assert.Equal(3, result.RejectedAnswers.Count);
        Assert.Contains("'overall' was 150, outside -100..+100", result.FallbackReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_429ThenSuccess_RetriesAndUsesTheAnswer()
    {
        var (scorer, server, _) = Create(options => options, StubReply.Error(429, retryAfter: "0"), StubReply.Scores(20));

        var result = await scorer.ScoreDetailedAsync(Conversations.Billing());

        Assert.True(result.UsedLlm);
        Assert.Equal(2, result.Requests);
        Assert.Equal(1, result.AnswerAttempts);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Score_500sEveryTime_FallsBackAfterTheAllowedRetries()
    {
        var (scorer, server, fallback) = Create(options => options with { MaxRetries = 2 }, StubReply.Error(500));

        var result = await scorer.ScoreDetailedAsync(Conversations.Billing());

        Assert.False(result.UsedLlm);
        Assert.Equal(3, server.RequestCount);
        Assert.Equal(3, result.Requests);
        Assert.Equal(1, fallback.Calls);
        Assert.Contains("HTTP 500", result.FallbackReason, StringComparison.Ordinal);
        Assert.Contains("after 3 requests", result.FallbackReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_503ThenSuccess_Recovers()
    {
        var (scorer, _, _) = Create(options => options, StubReply.Error(503), StubReply.Error(502), StubReply.Scores(-30));

        var result = await scorer.ScoreDetailedAsync(Conversations.Billing());

        Assert.True(result.UsedLlm);
        Assert.Equal(-30, result.Score.Overall.Score);
        Assert.Equal(3, result.Requests);
    }

    [Fact]
    public async Task Score_401_FallsBackWithoutRetrying()
    {
        var (scorer, server, _) = Create(options => options, StubReply.Error(401));

        var result = await scorer.ScoreDetailedAsync(Conversations.Billing());

        Assert.Equal(1, server.RequestCount);
        Assert.Contains("HTTP 401", result.FallbackReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_SlowAnswerPastTheTimeout_IsRetried()
    {
        var (scorer, server, _) = Create(
            options => options with { Timeout = TimeSpan.FromMilliseconds(300) },
            StubReply.Scores(10, delay: TimeSpan.FromSeconds(3)),
            StubReply.Scores(12));

        var result = await scorer.ScoreDetailedAsync(Conversations.Billing());

        Assert.True(result.UsedLlm);
        Assert.Equal(12, result.Score.Overall.Score);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Score_TimeoutEveryTime_FallsBackNamingTheTimeout()
    {
        var (scorer, _, _) = Create(
            options => options with { Timeout = TimeSpan.FromMilliseconds(200), MaxRetries = 1 },
            StubReply.Scores(10, delay: TimeSpan.FromSeconds(3)));

        var result = await scorer.ScoreDetailedAsync(Conversations.Billing());

        Assert.False(result.UsedLlm);
        Assert.Equal(2, result.Requests);
        Assert.Contains("no answer within 0.2 s", result.FallbackReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_SlowAnswerWithinTheTimeout_IsUsed()
    {
        var (scorer, _, _) = Create(options => options, StubReply.Scores(33, delay: TimeSpan.FromMilliseconds(300)));

        var result = await scorer.ScoreDetailedAsync(Conversations.Billing());

        Assert.Equal(33, result.Score.Overall.Score);
        Assert.Equal(1, result.Requests);
    }

    [Fact]
    public async Task Score_SameConversationTwice_SecondComesFromTheCacheWithoutARequest()
    {
        var (scorer, server, _) = Create(options => options, StubReply.Scores(25));

        await scorer.ScoreDetailedAsync(Conversations.Billing());
        var second = await scorer.ScoreDetailedAsync(Conversations.Billing());

        Assert.Equal(1, server.RequestCount);
        Assert.True(second.FromCache);
        Assert.Equal(25, second.Score.Overall.Score);
        Assert.Equal(0m, second.Cost);
        Assert.Equal(1, scorer.Totals.CacheHits);
        Assert.Equal(2, scorer.Totals.Conversations);
    }

    [Fact]
    public async Task Score_DiskCache_IsUsedByANewScorer()
    {
        var directory = Path.Combine(Path.GetTempPath(), "toneline-llm-cache-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (first, server, _) = Create(options => options with { CacheDirectory = directory }, StubReply.Scores(25));
            await first.ScoreDetailedAsync(Conversations.Billing());
            var (second, _, _) = Create(options => options with { Endpoint = server.Endpoint, CacheDirectory = directory }, StubReply.Scores(99));

            var result = await second.ScoreDetailedAsync(Conversations.Billing());

            Assert.True(result.FromCache);
            Assert.Equal(25, result.Score.Overall.Score);
            Assert.Single(Directory.GetFiles(directory, "*.json"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Score_AnotherPromptVersion_DoesNotReuseTheCachedAnswer()
    {
        var directory = Path.Combine(Path.GetTempPath(), "toneline-llm-cache-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (first, _, _) = Create(options => options with { CacheDirectory = directory }, StubReply.Scores(25));
            await first.ScoreDetailedAsync(Conversations.Billing());
            var edited = TestOptions.Prompt(2, PromptDefinitions.Default with { Positive = "The customer said thanks." });
            var (second, server, _) = Create(options => options with { CacheDirectory = directory }, edited, StubReply.Scores(-5));

            var result = await second.ScoreDetailedAsync(Conversations.Billing());

            Assert.False(result.FromCache);
            Assert.Equal(-5, result.Score.Overall.Score);
            Assert.Equal(1, server.RequestCount);
            Assert.Equal("stub-model@p2", result.Score.Method.Version);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Score_ManyConversationsAtOnce_NeverExceedsTheConcurrencyLimit()
    {
        var (scorer, server, _) = Create(options => options with { MaxConcurrency = 2 }, StubReply.Scores(10, delay: TimeSpan.FromMilliseconds(150)));

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => scorer.ScoreDetailedAsync(Conversations.Billing($"c{i}")).AsTask()));

        Assert.Equal(6, server.RequestCount);
        Assert.Equal(2, server.MaxInFlight);
    }

    [Fact]
    public async Task Score_LongConversation_IsTruncatedWithAMarkerAndTheTruncationIsRecorded()
    {
        var (scorer, server, _) = Create(options => options with { MaxTranscriptTokens = 400 }, StubReply.Scores(10));

        var result = await scorer.ScoreDetailedAsync(Conversations.Long(200));

        var truncation = Assert.IsType<Llm.Transcripts.Truncation>(result.Truncation);
        Assert.True(truncation.OmittedTurns > 150);
        Assert.Contains($"{truncation.OmittedTurns} turns omitted here", Assert.Single(server.RequestBodies), StringComparison.Ordinal);
        Assert.Contains("[200] Customer: Turn number 199", server.RequestBodies[0], StringComparison.Ordinal);
        Assert.Equal(1, scorer.Totals.Truncated);
    }

    [Fact]
    public async Task Score_CallerCancels_ThrowsInsteadOfFallingBack()
    {
        var (scorer, _, fallback) = Create(options => options, StubReply.Scores(10, delay: TimeSpan.FromSeconds(3)));
        using var cancellation = new CancellationTokenSource();
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scorer.ScoreDetailedAsync(Conversations.Billing(), cancellation.Token).AsTask());
        Assert.Equal(0, fallback.Calls);
    }

    private (LlmConversationScorer Scorer, StubLlmServer Server, FixedScorer Fallback) Create(Func<LlmOptions, LlmOptions> configure, params StubReply[] replies) =>
        Create(configure, TestOptions.Prompt(), replies);

    private (LlmConversationScorer Scorer, StubLlmServer Server, FixedScorer Fallback) Create(Func<LlmOptions, LlmOptions> configure, PromptVersion prompt, params StubReply[] replies)
    {
        var server = new StubLlmServer(replies);
        var fallback = new FixedScorer(overall: 7);
        var options = configure(TestOptions.For(server.Endpoint));
        var scorer = new LlmConversationScorer(options, prompt, fallback);
        _owned.Add(scorer);
        _owned.Add(server);
        return (scorer, server, fallback);
    }
}
