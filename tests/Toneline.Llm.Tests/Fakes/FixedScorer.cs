using Toneline.Core.Conversations;
using Toneline.Core.Scoring;

namespace Toneline.Llm.Tests.Fakes;

/// <summary>A stand-in built-in engine: the same score for every conversation, or one chosen per id.</summary>
internal sealed class FixedScorer(int overall = 0, Func<Conversation, ConversationScore>? score = null) : IConversationScorer
{
    private int _calls;

    public ScoringMethod Method { get; } = new("test-builtin", "1", "0");

    public int Calls => Volatile.Read(ref _calls);

    public ValueTask<ConversationScore> ScoreAsync(Conversation conversation, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return ValueTask.FromResult(score?.Invoke(conversation) ?? Make(conversation, overall, Method));
    }

    public static ConversationScore Make(Conversation conversation, int overall, ScoringMethod method, double confidence = 0.9, int? customerStart = null, int? customerEnd = null) => new()
    {
        ConversationId = conversation.Id,
        Overall = new SideScore(overall),
        Agent = new SideScore(0),
        Customer = new SideScore(overall),
        Shift = Shift.StableNeutral,
        Explanation = "fixed",
        Trend =
        [
            new TrendPoint(0, 0, 0, overall, customerStart ?? overall, 0),
            new TrendPoint(1, 1, Math.Max(1, conversation.Turns.Count - 1), overall, customerEnd ?? overall, 0),
        ],
        Turns = [.. conversation.Turns.Select((t, i) => new TurnScore(i, t.Role, new TextSentiment
        {
            Score = overall / 100.0,
            Label = SentimentLabel.Neutral,
            Confidence = confidence,
            Emotions = new Dictionary<Emotion, double>(),
            Evidence = [],
        }))],
        Highlights = [],
        CustomerEmotions = new Dictionary<Emotion, double>(),
        RoleSource = RoleSource.Input,
        Method = method,
    };
}
