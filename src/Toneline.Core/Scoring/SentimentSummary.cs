namespace Toneline.Core.Scoring;

/// <summary>The score of a text without its evidence: what the allocation-free path returns.</summary>
/// <param name="Score">Sentiment in [-1, 1]; 0 is neutral.</param>
/// <param name="Label">The three-way label.</param>
/// <param name="Confidence">How sure the engine is of <paramref name="Label"/>, in [0, 1].</param>
public readonly record struct SentimentSummary(double Score, SentimentLabel Label, double Confidence);
