namespace Toneline.Storage.Queries;

/// <summary>The headline numbers of a set of scored conversations.</summary>
public sealed record Kpis
{
    public required long Count { get; init; }

    public required long Negative { get; init; }

    public required long Neutral { get; init; }

    public required long Positive { get; init; }

    public double? AverageOverall { get; init; }

    public double? AverageAgent { get; init; }

    public double? AverageCustomer { get; init; }

    /// <summary>Conversations that started negative (Stable Negative, Negative to Neutral, Negative to Positive).</summary>
    public required long StartedNegative { get; init; }

    /// <summary>Conversations that started negative and ended neutral or positive.</summary>
    public required long Recovered { get; init; }

    /// <summary>The sum of squared overall scores, for the variance behind significance tests.</summary>
    public double SumSquaresOverall { get; init; }

    public double SumSquaresAgent { get; init; }

    public long CountAgent { get; init; }

    public double SumSquaresCustomer { get; init; }

    public long CountCustomer { get; init; }

    /// <summary>(positive − negative) / scored, in [-1, 1].</summary>
    public double? NetSentiment => Count == 0 ? null : (Positive - Negative) / (double)Count;

    public double? ShareNegative => Count == 0 ? null : Negative / (double)Count;

    public double? ShareNeutral => Count == 0 ? null : Neutral / (double)Count;

    public double? SharePositive => Count == 0 ? null : Positive / (double)Count;

    public double? RecoveryRate => StartedNegative == 0 ? null : Recovered / (double)StartedNegative;

    public SentimentHealth? Health => ShareNegative is { } share ? HealthOf(share) : null;

    public static SentimentHealth HealthOf(double shareNegative) => shareNegative switch
    {
        < 0.10 => SentimentHealth.Strong,
        < 0.20 => SentimentHealth.Healthy,
        <= 0.35 => SentimentHealth.Strained,
        _ => SentimentHealth.AtRisk,
    };
}
