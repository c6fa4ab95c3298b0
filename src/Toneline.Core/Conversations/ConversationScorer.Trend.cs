using Toneline.Core.Scoring;

namespace Toneline.Core.Conversations;

/// <content>The trend line, the shift from start to end, the turning point and the end state.</content>
public sealed partial class ConversationScorer
{
    /// <summary>Splits the conversation into 1–10 portions (at least 4 when it has 4 turns) and scores each.</summary>
    private List<TrendPoint> Trend(IReadOnlyList<TurnScore> turns)
    {
        int n = turns.Count;
        int portions = Math.Min(_options.MaxPortions, Math.Max(Math.Min(n, 4), (n + 2) / 3));
        var trend = new List<TrendPoint>(portions);
        for (int p = 0; p < portions; p++)
        {
            int from = p * n / portions;
            int to = (p + 1) * n / portions;
            if (to <= from)
            {
                continue;
            }

            double all = MeanAll(turns, from, to);
            trend.Add(new TrendPoint(
                trend.Count,
                from,
                to - 1,
                ScoreBands.ToHundred(all),
                Mean(turns, SpeakerRole.Customer, from, to) is { } c ? ScoreBands.ToHundred(c) : null,
                Mean(turns, SpeakerRole.Agent, from, to) is { } a ? ScoreBands.ToHundred(a) : null));
        }

        return trend;
    }

    /// <summary>The shift between the first and last third, read on the customer's turns when there are any.</summary>
    private static (Shift Shift, double Start, double End) ShiftOf(IReadOnlyList<TurnScore> turns)
    {
        var role = SideThatSetsTheTone(turns);
        int n = turns.Count;
        int third = Math.Max(1, (n + 2) / 3);
        double start = Mean(turns, role, 0, third) ?? FirstOf(turns, role);
        double end = Mean(turns, role, EndFrom(turns, role, n - third), n) ?? LastOf(turns, role) ?? start;
        return (ShiftBetween(LabelOf(start), LabelOf(end)), start, end);
    }

    /// <summary>
    /// Where the end state's turns begin: the last third, reaching back to the side's last two turns
    /// when the third holds fewer, so a closing "you too, bye" alone does not make the end neutral
    /// right after "great, thanks so much!".
    /// </summary>
    private static int EndFrom(IReadOnlyList<TurnScore> turns, SpeakerRole role, int from)
    {
        const int EndTurns = 2;
        int found = 0;
        for (int i = turns.Count - 1; i >= 0; i--)
        {
            if (turns[i].Role == role && ++found == EndTurns)
            {
                // Only when the side has more turns than the end takes: the start needs some of its own.
                return turns.Take(i).Any(t => t.Role == role) ? Math.Min(from, i) : from;
            }
        }

        return from;
    }

    /// <summary>
    /// The turn where sentiment flipped: the split that best separates the before-mean from the
    /// after-mean in the direction of the shift; <c>null</c> when the shift is stable.
    /// </summary>
    private static int? TurningPoint(IReadOnlyList<TurnScore> turns, Shift shift, double end)
    {
        if (shift is Shift.StablePositive or Shift.StableNeutral or Shift.StableNegative)
        {
            return null;
        }

        var role = SideThatSetsTheTone(turns);
        double direction = shift is Shift.NegativeToPositive or Shift.NegativeToNeutral or Shift.NeutralToPositive ? 1 : -1;
        int? best = null;
        double bestGap = 0;
        for (int k = 1; k < turns.Count; k++)
        {
            if (turns[k].Role != role || Mean(turns, role, 0, k) is not { } before || Mean(turns, role, k, turns.Count) is not { } after)
            {
                continue;
            }

            // The turning turn itself should already lean the new way.
            double own = turns[k].Sentiment.Score;
            if (own * direction <= 0 && Math.Abs(end) > 0.2)
            {
                continue;
            }

            double gap = (after - before) * direction;
            if (gap > bestGap)
            {
                bestGap = gap;
                best = k;
            }
        }

        return best;
    }

    private static SpeakerRole SideThatSetsTheTone(IReadOnlyList<TurnScore> turns)
    {
        foreach (var turn in turns)
        {
            if (turn.Role == SpeakerRole.Customer)
            {
                return SpeakerRole.Customer;
            }
        }

        return turns.Count > 0 ? turns[0].Role : SpeakerRole.Customer;
    }

    private static double MeanAll(IReadOnlyList<TurnScore> turns, int from, int to)
    {
        double sum = 0, weights = 0;
        for (int i = from; i < to; i++)
        {
            double score = turns[i].Sentiment.Score;
            double weight = Math.Abs(score) + NeutralTurnWeight;
            sum += score * weight;
            weights += weight;
        }

        return weights > 0 ? sum / weights : 0;
    }

    private static double FirstOf(IReadOnlyList<TurnScore> turns, SpeakerRole role)
    {
        foreach (var turn in turns)
        {
            if (turn.Role == role)
            {
                return turn.Sentiment.Score;
            }
        }

        return 0;
    }

    /// <summary>Labels a [-1, 1] mean with the band rule: above +20 positive, below -20 negative.</summary>
    internal static SentimentLabel LabelOf(double score) => Shifts.LabelOf(ScoreBands.ToHundred(score));

    internal static Shift ShiftBetween(SentimentLabel start, SentimentLabel end) => Shifts.Between(start, end);
}
