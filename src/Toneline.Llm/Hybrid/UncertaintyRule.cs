using Toneline.Core.Conversations;

namespace Toneline.Llm.Hybrid;

/// <summary>Decides whether a built-in score is unsure enough to ask the LLM.</summary>
public static class UncertaintyRule
{
    private static readonly int[] Boundaries = [-60, -20, 20, 60];

    /// <summary>The reasons the score is unsure, or <see cref="Uncertainty.None"/>.</summary>
    public static Uncertainty Assess(ConversationScore score, HybridOptions options)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(options);
        var reasons = Uncertainty.None;
        if (score.Turns.Count > 0 && score.Turns.Average(t => t.Sentiment.Confidence) < options.MinConfidence)
        {
            reasons |= Uncertainty.LowConfidence;
        }

        var customer = score.Trend.Where(p => p.CustomerScore is not null).Select(p => p.CustomerScore!.Value).ToList();
        if (customer.Count >= 2 && Math.Abs(customer[^1] - customer[0]) >= options.MixedSignalGap)
        {
            reasons |= Uncertainty.MixedSignals;
        }

        var overall = score.Overall.Score;
        if (Array.Exists(Boundaries, b => Math.Abs(overall - b) <= options.BoundaryMargin))
        {
            reasons |= Uncertainty.NearBandBoundary;
        }

        return reasons;
    }
}
