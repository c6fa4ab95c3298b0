using Toneline.Core.Conversations;
using Toneline.Core.Scoring;

namespace Toneline.Storage.Tests;

/// <summary>
/// A deterministic stand-in scorer for storage tests: a turn is +0.8 per "great", -0.8 per "awful"
/// (clamped), and the overall score is the last customer turn's. Storage is tested, not scoring.
/// </summary>
internal sealed class FakeScorer(string version = "1") : IConversationScorer
{
    public ScoringMethod Method { get; } = new("fake", version, "h0");

    public int Calls;

    public ValueTask<ConversationScore> ScoreAsync(Conversation conversation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        Interlocked.Increment(ref Calls);
        if (conversation.Turns.Any(t => t.Text.Contains("explode", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("the fake scorer refuses this text");
        }

        var turns = new List<TurnScore>();
        var highlights = new List<Highlight>();
        for (var i = 0; i < conversation.Turns.Count; i++)
        {
            var text = conversation.Turns[i].Text;
            var score = 0.0;
            var evidence = new List<Evidence>();
            foreach (var (word, weight) in new[] { ("great", 0.8), ("awful", -0.8) })
            {
                var at = text.IndexOf(word, StringComparison.Ordinal);
                while (at >= 0)
                {
                    score += weight;
                    evidence.Add(new Evidence(at, word.Length, word, weight * 4, EvidenceKind.Word, weight < 0 ? Emotion.Frustration : Emotion.Satisfaction));
                    highlights.Add(new Highlight(i, at, word.Length, word, weight * 4, EvidenceKind.Word, null));
                    at = text.IndexOf(word, at + 1, StringComparison.Ordinal);
                }
            }

            score = Math.Clamp(score, -1, 1);
            var label = score > 0.2 ? SentimentLabel.Positive : score < -0.2 ? SentimentLabel.Negative : SentimentLabel.Neutral;
            turns.Add(new TurnScore(i, conversation.Turns[i].Role, new TextSentiment
            {
                Score = score,
                Label = label,
                Confidence = 0.9,
                Emotions = new Dictionary<Emotion, double>(),
                Evidence = evidence,
            }));
        }

        int? Side(SpeakerRole role) =>
            turns.Where(t => t.Role == role).Select(t => (int?)ScoreBands.ToHundred(t.Sentiment.Score)).LastOrDefault();
        var customer = Side(SpeakerRole.Customer);
        var agent = Side(SpeakerRole.Agent);
        var first = turns.Count == 0 ? 0 : ScoreBands.ToHundred(turns[0].Sentiment.Score);
        var overall = customer ?? agent ?? 0;
        return ValueTask.FromResult(new ConversationScore
        {
            ConversationId = conversation.Id,
            Overall = new SideScore(overall),
            Agent = agent is { } a ? new SideScore(a) : null,
            Customer = customer is { } c ? new SideScore(c) : null,
            Shift = ShiftOf(first, overall),
            Explanation = overall < -20 ? "The customer ended upset." : overall > 20 ? "The customer ended happy." : "The customer ended calm.",
            Trend = [new TrendPoint(0, 0, Math.Max(0, conversation.Turns.Count - 1), overall, customer, agent)],
            Turns = turns,
            Highlights = highlights,
            CustomerEmotions = overall < -20 ? new Dictionary<Emotion, double> { [Emotion.Frustration] = 0.7 } : new Dictionary<Emotion, double>(),
            RoleSource = conversation.RoleSource,
            Method = Method,
        });
    }

    private static Shift ShiftOf(int start, int end)
    {
        static int Sign(int s) => s < -20 ? -1 : s > 20 ? 1 : 0;
        return (Sign(start), Sign(end)) switch
        {
            (1, 1) => Shift.StablePositive,
            (0, 0) => Shift.StableNeutral,
            (-1, -1) => Shift.StableNegative,
            (1, -1) => Shift.PositiveToNegative,
            (1, 0) => Shift.PositiveToNeutral,
            (0, -1) => Shift.NeutralToNegative,
            (-1, 1) => Shift.NegativeToPositive,
            (-1, 0) => Shift.NegativeToNeutral,
            _ => Shift.NeutralToPositive,
        };
    }
}
