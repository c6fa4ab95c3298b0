using Toneline.Core.Conversations;
using Toneline.Core.Scoring;

namespace Toneline.Storage.Ingestion;

/// <summary>One stored score of a conversation, by one scoring method.</summary>
public sealed record StoredScore
{
    public required ScoringMethod Method { get; init; }

    public required bool IsCurrent { get; init; }

    public required int Overall { get; init; }

    public int? Agent { get; init; }

    public int? Customer { get; init; }

    public required Shift Shift { get; init; }

    public int? TurningPointTurn { get; init; }

    public bool? Resolved { get; init; }

    public required string Explanation { get; init; }

    public required DateTimeOffset ScoredAt { get; init; }

    public required IReadOnlyList<StoredTurnScore> Turns { get; init; }

    public required IReadOnlyList<Highlight> Highlights { get; init; }

    public required IReadOnlyDictionary<Emotion, double> CustomerEmotions { get; init; }
}
