using Toneline.Core.Conversations;
using Toneline.Core.Scoring;

namespace Toneline.Storage.Ingestion;

/// <summary>A stored turn score: the numbers without the per-turn evidence.</summary>
public sealed record StoredTurnScore(int TurnIndex, SpeakerRole Role, double Score, SentimentLabel Label, double Confidence);
