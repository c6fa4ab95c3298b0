using Toneline.Core.Conversations;
using Toneline.Core.Scoring;

namespace Toneline.Core.Tests.Conversations;

public sealed class ConversationScorerTests
{
    private static readonly ConversationScorer Scorer = ConversationScorer.CreateDefault();

    private static Conversation Call(params (SpeakerRole Role, string Text)[] turns) =>
        new("test-call", turns.Select(t => new Turn(t.Role, t.Text)).ToList());

    private static readonly Conversation UpsetThenResolved = Call(
        (SpeakerRole.Agent, "Thank you for calling, how can I help you today?"),
        (SpeakerRole.Customer, "I've been on hold for 40 minutes and my internet is still not working. This is ridiculous."),
        (SpeakerRole.Agent, "I'm so sorry for the wait. Let me check your line."),
        (SpeakerRole.Customer, "I was transferred three times already, I'm really frustrated."),
        (SpeakerRole.Agent, "I understand. I've reset the modem from our side, can you check now?"),
        (SpeakerRole.Customer, "Okay, one moment."),
        (SpeakerRole.Customer, "Oh it works now! That fixed it."),
        (SpeakerRole.Agent, "Great news, is there anything else I can help with?"),
        (SpeakerRole.Customer, "No, that's all. Thank you so much, you were very helpful."));

    private static readonly Conversation StaysUpset = Call(
        (SpeakerRole.Agent, "Thank you for calling, how can I help?"),
        (SpeakerRole.Customer, "Hi, I have a question about my bill."),
        (SpeakerRole.Agent, "Sure, let me pull that up."),
        (SpeakerRole.Customer, "I was charged twice this month."),
        (SpeakerRole.Agent, "I see the charge, but there is nothing I can do about it."),
        (SpeakerRole.Customer, "That is unacceptable. I want a refund."),
        (SpeakerRole.Agent, "You should have read the terms."),
        (SpeakerRole.Customer, "This is ridiculous, I want to cancel my account. Terrible service."));

    [Fact]
    public void Score_UpsetCustomerWhoGotResolved_IsNotNegative()
    {
        var score = Scorer.Score(UpsetThenResolved);

        Assert.True(score.Overall.Score > -20, $"overall {score.Overall.Score}: {score.Explanation}");
        Assert.True(score.Customer!.Value.Score > -20);
        Assert.True(score.Resolved);
        Assert.Contains(score.Shift, new[] { Shift.NegativeToPositive, Shift.NegativeToNeutral });
        Assert.NotNull(score.TurningPointTurn);
        Assert.InRange(score.TurningPointTurn!.Value, 2, 8);
        Assert.Contains("issue resolved ('", score.Explanation, StringComparison.Ordinal);
        Assert.Contains("'on hold for 40 minutes'", score.Explanation, StringComparison.Ordinal);
    }

    private static readonly Conversation QuickAnswer = Call(
        (SpeakerRole.Agent, "Thanks for calling, how can I help?"),
        (SpeakerRole.Customer, "Hi, I'd like to check when my order will arrive, it's order 55120."),
        (SpeakerRole.Agent, "Sure, one moment. It shipped yesterday and should arrive Thursday."),
        (SpeakerRole.Customer, "Great, thanks so much!"),
        (SpeakerRole.Agent, "You're welcome, have a great day."),
        (SpeakerRole.Customer, "You too, bye."));

    [Fact]
    public void Score_NeutralQuestionThenThanks_EndsPositive_AndNoComplaintIsInvented()
    {
        // The end state once read only the closing "you too, bye" (neutral), so a call that went from a
        // plain question to "great, thanks so much!" was "neutral throughout"; and the question's faint
        // learned word made the explanation call the customer unhappy.
        var score = Scorer.Score(QuickAnswer);

        Assert.Equal(Shift.NeutralToPositive, score.Shift);
        Assert.Equal(3, score.TurningPointTurn);
        Assert.StartsWith("Customer neutral at the start", score.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("unhappy", score.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ExplanationQuote_DoesNotStopOnAHangingWord()
    {
        var score = Scorer.Score(Call(
            (SpeakerRole.Agent, "Good morning, thanks for contacting support."),
            (SpeakerRole.Customer, "Hi. I was charged twice for my subscription this month."),
            (SpeakerRole.Agent, "Unfortunately refunds take 30 days to review."),
            (SpeakerRole.Customer, "That's ridiculous. Thanks for nothing.")));

        Assert.Contains("'charged twice for my subscription'", score.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_CustomerStillUpsetAtTheEnd_IsNegative()
    {
        var score = Scorer.Score(StaysUpset);

        Assert.True(score.Overall.Score < -20, $"overall {score.Overall.Score}: {score.Explanation}");
        Assert.Contains(score.Overall.Band, new[] { ScoreBand.Negative, ScoreBand.VeryNegative });
        Assert.False(score.Resolved);
        Assert.Contains(score.Shift, new[] { Shift.NeutralToNegative, Shift.StableNegative });
        Assert.Contains("issue still open at the end ('cancel my account')", score.Explanation, StringComparison.Ordinal);
        Assert.True(score.Agent!.Value.Score < 0, "the agent blamed the customer");
    }

    [Fact]
    public void Score_EndWeighsMoreThanTheMiddle()
    {
        var recovered = Scorer.Score(UpsetThenResolved);
        var reversed = Scorer.Score(new Conversation("reversed", UpsetThenResolved.Turns.Reverse().ToList()));

        Assert.True(recovered.Customer!.Value.Score > reversed.Customer!.Value.Score);
    }

    [Fact]
    public void Score_Highlights_PointIntoTurnText()
    {
        var score = Scorer.Score(UpsetThenResolved);

        Assert.NotEmpty(score.Highlights);
        Assert.Contains(score.Highlights, h => h.Weight < 0);
        Assert.Contains(score.Highlights, h => h.Weight > 0);
        foreach (var highlight in score.Highlights)
        {
            Assert.Equal(highlight.Text, UpsetThenResolved.Turns[highlight.TurnIndex].Text.Substring(highlight.Start, highlight.Length));
        }

        Assert.True(score.Highlights.Select(h => Math.Abs(h.Weight)).SequenceEqual(score.Highlights.Select(h => Math.Abs(h.Weight)).OrderDescending()));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    [InlineData(8, 4)]
    [InlineData(12, 4)]
    [InlineData(21, 7)]
    [InlineData(60, 10)]
    public void Score_Trend_HasFourToTenPortionsCoveringEveryTurn(int turns, int portions)
    {
        var conversation = new Conversation("long", Enumerable.Range(0, turns)
            .Select(i => new Turn(i % 2 == 0 ? SpeakerRole.Agent : SpeakerRole.Customer, i % 3 == 0 ? "great, thanks" : "my order is late"))
            .ToList());

        var trend = Scorer.Score(conversation).Trend;

        Assert.Equal(portions, trend.Count);
        Assert.Equal(0, trend[0].FirstTurn);
        Assert.Equal(turns - 1, trend[^1].LastTurn);
        for (int i = 1; i < trend.Count; i++)
        {
            Assert.Equal(trend[i - 1].LastTurn + 1, trend[i].FirstTurn);
        }

        Assert.All(trend, p => Assert.InRange(p.ContactLensScore, -5, 5));
        Assert.All(trend, p => Assert.Equal(ScoreBands.ToContactLens(p.Score), p.ContactLensScore));
    }

    [Fact]
    public void Score_AgentOnly_HasNoCustomerScore()
    {
        var score = Scorer.Score(Call((SpeakerRole.Agent, "Hello, this is a reminder that your appointment is tomorrow. Have a great day!")));

        Assert.Null(score.Customer);
        Assert.NotNull(score.Agent);
        Assert.Equal(score.Agent!.Value.Score, score.Overall.Score);
        Assert.Contains("No customer turns", score.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_StampsMethodAndRoleSource()
    {
        var conversation = UpsetThenResolved with { RoleSource = RoleSource.Heuristic };
        var score = Scorer.Score(conversation);

        Assert.Equal("toneline-builtin", score.Method.Engine);
        Assert.EndsWith("+" + ConversationScorer.AggregationVersion, score.Method.Version, StringComparison.Ordinal);
        Assert.Equal(RoleSource.Heuristic, score.RoleSource);
        Assert.Equal(conversation.Id, score.ConversationId);
    }

    [Fact]
    public void Score_CustomerEmotions_IncludeFrustrationAndRelief()
    {
        var emotions = Scorer.Score(UpsetThenResolved).CustomerEmotions;

        Assert.True(emotions.ContainsKey(Emotion.Frustration));
        Assert.True(emotions.ContainsKey(Emotion.Relief) || emotions.ContainsKey(Emotion.Gratitude));
    }

    [Fact]
    public async Task ScoreAsync_MatchesScore()
    {
        var direct = Scorer.Score(StaysUpset);
        var viaInterface = await ((IConversationScorer)Scorer).ScoreAsync(StaysUpset);

        Assert.Equal(direct.Overall, viaInterface.Overall);
        Assert.Equal(direct.Explanation, viaInterface.Explanation);
    }
}
