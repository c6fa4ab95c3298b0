namespace Toneline.Core.Scoring;

/// <summary>The three-way sentiment of a sentence, turn or portion.</summary>
public enum SentimentLabel
{
    /// <summary>Negative sentiment.</summary>
    Negative = -1,

    /// <summary>Neither clearly negative nor clearly positive.</summary>
    Neutral = 0,

    /// <summary>Positive sentiment.</summary>
    Positive = 1,
}
