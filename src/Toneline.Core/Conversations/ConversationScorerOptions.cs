namespace Toneline.Core.Conversations;

/// <summary>How turn scores are combined into conversation scores.</summary>
public sealed record ConversationScorerOptions
{
    /// <summary>Weight of the customer's end state in the customer score, in [0, 1]; default 0.6.</summary>
    /// <remarks>
    /// The rest is the whole conversation's mean. A customer who was upset and ended satisfied is
    /// therefore not negative; one who stays upset at the end is.
    /// </remarks>
    public double CustomerEndWeight { get; init; } = 0.6;

    /// <summary>Weight of the customer side in the overall score, in [0, 1]; default 0.7.</summary>
    public double CustomerShareOfOverall { get; init; } = 0.7;

    /// <summary>Share of the conversation, from the end, that is the "end state"; default 0.34.</summary>
    public double EndShare { get; init; } = 0.34;

    /// <summary>
    /// How much resolution moves the customer score, in [0, 1] (score units of [-1, 1]); default 0.15.
    /// </summary>
    /// <remarks>
    /// Added when the issue reads as resolved, subtracted when it reads as unresolved, nothing when
    /// unknown: whether the customer got what they came for is part of how the call went, beyond the
    /// words of its last turns. On the conversation dev half, 0 / 0.1 / 0.15 / 0.2 / 0.25 read 0.734 /
    /// 0.761 / 0.766 / 0.762 / 0.700 macro-F1 for the customer side (0.706 / 0.748 / 0.763 / 0.775 /
    /// 0.776 overall).
    /// </remarks>
    public double ResolutionWeight { get; init; } = 0.15;

    /// <summary>The most portions on the trend line; default 10 (at least 1).</summary>
    public int MaxPortions { get; init; } = 10;
}
