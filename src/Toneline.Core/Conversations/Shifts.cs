using Toneline.Core.Scoring;

namespace Toneline.Core.Conversations;

/// <summary>Names the shift between a start and an end score, with the band rule for each end.</summary>
public static class Shifts
{
    /// <summary>The three-way label of a -100..+100 score: above +20 positive, below -20 negative.</summary>
    public static SentimentLabel LabelOf(int score) => score switch
    {
        > 20 => SentimentLabel.Positive,
        < -20 => SentimentLabel.Negative,
        _ => SentimentLabel.Neutral,
    };

    /// <summary>The shift from a start score to an end score, both on -100..+100.</summary>
    public static Shift Between(int start, int end) => Between(LabelOf(start), LabelOf(end));

    /// <summary>The shift from a start label to an end label.</summary>
    public static Shift Between(SentimentLabel start, SentimentLabel end) => (start, end) switch
    {
        (SentimentLabel.Positive, SentimentLabel.Positive) => Shift.StablePositive,
        (SentimentLabel.Neutral, SentimentLabel.Neutral) => Shift.StableNeutral,
        (SentimentLabel.Negative, SentimentLabel.Negative) => Shift.StableNegative,
        (SentimentLabel.Positive, SentimentLabel.Negative) => Shift.PositiveToNegative,
        (SentimentLabel.Positive, SentimentLabel.Neutral) => Shift.PositiveToNeutral,
        (SentimentLabel.Neutral, SentimentLabel.Negative) => Shift.NeutralToNegative,
        (SentimentLabel.Negative, SentimentLabel.Positive) => Shift.NegativeToPositive,
        (SentimentLabel.Negative, SentimentLabel.Neutral) => Shift.NegativeToNeutral,
        _ => Shift.NeutralToPositive,
    };

    /// <summary>The start and end labels a shift names: the inverse of <see cref="Between(SentimentLabel, SentimentLabel)"/>.</summary>
    public static (SentimentLabel Start, SentimentLabel End) Ends(Shift shift) => shift switch
    {
        Shift.StablePositive => (SentimentLabel.Positive, SentimentLabel.Positive),
        Shift.StableNeutral => (SentimentLabel.Neutral, SentimentLabel.Neutral),
        Shift.StableNegative => (SentimentLabel.Negative, SentimentLabel.Negative),
        Shift.PositiveToNegative => (SentimentLabel.Positive, SentimentLabel.Negative),
        Shift.PositiveToNeutral => (SentimentLabel.Positive, SentimentLabel.Neutral),
        Shift.NeutralToNegative => (SentimentLabel.Neutral, SentimentLabel.Negative),
        Shift.NegativeToPositive => (SentimentLabel.Negative, SentimentLabel.Positive),
        Shift.NegativeToNeutral => (SentimentLabel.Negative, SentimentLabel.Neutral),
        Shift.NeutralToPositive => (SentimentLabel.Neutral, SentimentLabel.Positive),
        _ => throw new ArgumentOutOfRangeException(nameof(shift), shift, "not a shift"),
    };
}
