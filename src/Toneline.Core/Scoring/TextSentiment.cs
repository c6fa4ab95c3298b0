namespace Toneline.Core.Scoring;

/// <summary>The sentiment of one sentence or turn, with the evidence that produced it.</summary>
/// <remarks><see cref="Score"/> is in [-1, 1]; emotion intensities are in [0, 1].</remarks>
public sealed record TextSentiment
{
    /// <summary>Sentiment in [-1, 1]; 0 is neutral.</summary>
    public required double Score { get; init; }

    /// <summary>The three-way label.</summary>
    public required SentimentLabel Label { get; init; }

    /// <summary>How sure the engine is of <see cref="Label"/>, in [0, 1].</summary>
    public required double Confidence { get; init; }

    /// <summary>Emotions found, with intensity in (0, 1]; absent emotions are not listed.</summary>
    public required IReadOnlyDictionary<Emotion, double> Emotions { get; init; }

    /// <summary>The spans that carried the score, in text order.</summary>
    public required IReadOnlyList<Evidence> Evidence { get; init; }
}
