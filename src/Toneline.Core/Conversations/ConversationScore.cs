using Toneline.Core.Scoring;

namespace Toneline.Core.Conversations;

/// <summary>The scored sentiment of a whole conversation: what Toneline stores and shows.</summary>
/// <remarks>
/// Scores are integers on -100..+100 (see <see cref="ScoreBand"/> for band boundaries).
/// <see cref="Agent"/> or <see cref="Customer"/> is <c>null</c> when that side has no turns.
/// </remarks>
public sealed record ConversationScore
{
    /// <summary>The conversation's id.</summary>
    public required string ConversationId { get; init; }

    /// <summary>The overall score, weighted toward how the customer ended.</summary>
    public required SideScore Overall { get; init; }

    /// <summary>The agent side's score, or <c>null</c> if the agent said nothing.</summary>
    public required SideScore? Agent { get; init; }

    /// <summary>The customer side's score, or <c>null</c> if the customer said nothing.</summary>
    public required SideScore? Customer { get; init; }

    /// <summary>How sentiment moved from start to end.</summary>
    public required Shift Shift { get; init; }

    /// <summary>The turn where sentiment flipped, or <c>null</c> when it did not.</summary>
    public int? TurningPointTurn { get; init; }

    /// <summary>Whether the customer's issue reads as resolved at the end, when that can be told.</summary>
    public bool? Resolved { get; init; }

    /// <summary>Plain-words explanation built from the evidence.</summary>
    public required string Explanation { get; init; }

    /// <summary>The trend line: 1 to 10 portions in conversation order.</summary>
    public required IReadOnlyList<TrendPoint> Trend { get; init; }

    /// <summary>Per-turn scores in conversation order.</summary>
    public required IReadOnlyList<TurnScore> Turns { get; init; }

    /// <summary>Phrases to highlight, strongest first.</summary>
    public required IReadOnlyList<Highlight> Highlights { get; init; }

    /// <summary>The customer's emotions over the conversation, intensity in (0, 1].</summary>
    public required IReadOnlyDictionary<Emotion, double> CustomerEmotions { get; init; }

    /// <summary>How the speaker roles were decided.</summary>
    public required RoleSource RoleSource { get; init; }

    /// <summary>The engine, version and options that produced this score.</summary>
    public required ScoringMethod Method { get; init; }
}
