namespace Toneline.Storage.Queries;

/// <summary>Whether a change between two periods is more than noise.</summary>
/// <remarks>
/// Shares use the pooled two-proportion z-test; averages and net sentiment use a large-sample
/// (Welch) z on the per-conversation variance. A change is significant at |z| ≥ 1.96. Samples under
/// 30 conversations, or with fewer than 5 expected in a cell, are flagged small and never significant.
/// </remarks>
internal static class Significance
{
    private const double Critical = 1.96;
    private const int MinimumSample = 30;

    public static IReadOnlyList<MetricDelta> Deltas(Kpis current, Kpis previous) =>
    [
        Proportion("share_negative", current.Negative, current.Count, previous.Negative, previous.Count),
        Proportion("share_neutral", current.Neutral, current.Count, previous.Neutral, previous.Count),
        Proportion("share_positive", current.Positive, current.Count, previous.Positive, previous.Count),
        NetSentiment(current, previous),
        Mean("average_overall", current.AverageOverall, current.SumSquaresOverall, current.Count, previous.AverageOverall, previous.SumSquaresOverall, previous.Count),
        Mean("average_agent", current.AverageAgent, current.SumSquaresAgent, current.CountAgent, previous.AverageAgent, previous.SumSquaresAgent, previous.CountAgent),
        Mean("average_customer", current.AverageCustomer, current.SumSquaresCustomer, current.CountCustomer, previous.AverageCustomer, previous.SumSquaresCustomer, previous.CountCustomer),
        Proportion("recovery_rate", current.Recovered, current.StartedNegative, previous.Recovered, previous.StartedNegative),
        Count(current.Count, previous.Count),
    ];

    public static MetricDelta Proportion(string metric, long hits1, long n1, long hits0, long n0)
    {
        double? p1 = n1 == 0 ? null : hits1 / (double)n1;
        double? p0 = n0 == 0 ? null : hits0 / (double)n0;
        if (p1 is not { } a || p0 is not { } b)
        {
            return new MetricDelta(metric, p1, p0, null, null, false, true);
        }

        var pooled = (hits1 + hits0) / (double)(n1 + n0);
        var small = n1 < MinimumSample || n0 < MinimumSample ||
            Math.Min(n1, n0) * Math.Min(pooled, 1 - pooled) < 5;
        var standardError = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n0)));
        double? z = standardError > 0 ? (a - b) / standardError : null;
        return new MetricDelta(metric, a, b, a - b, z, !small && z is { } zz && Math.Abs(zz) >= Critical, small);
    }

    private static MetricDelta NetSentiment(Kpis current, Kpis previous)
    {
        if (current.NetSentiment is not { } n1 || previous.NetSentiment is not { } n0)
        {
            return new MetricDelta("net_sentiment", current.NetSentiment, previous.NetSentiment, null, null, false, true);
        }

        // Each conversation is +1, 0 or -1: variance = share non-neutral - net².
        static double Variance(Kpis k, double net) => ((k.Positive + k.Negative) / (double)k.Count) - (net * net);
        var standardError = Math.Sqrt((Variance(current, n1) / current.Count) + (Variance(previous, n0) / previous.Count));
        var small = current.Count < MinimumSample || previous.Count < MinimumSample;
        double? z = standardError > 0 ? (n1 - n0) / standardError : null;
        return new MetricDelta("net_sentiment", n1, n0, n1 - n0, z, !small && z is { } zz && Math.Abs(zz) >= Critical, small);
    }

    private static MetricDelta Mean(string metric, double? mean1, double sumSquares1, long n1, double? mean0, double sumSquares0, long n0)
    {
        if (mean1 is not { } m1 || mean0 is not { } m0)
        {
            return new MetricDelta(metric, mean1, mean0, null, null, false, true);
        }

        static double Variance(double mean, double sumSquares, long n) =>
            n < 2 ? 0 : Math.Max(0, (sumSquares - (n * mean * mean)) / (n - 1));
        var standardError = Math.Sqrt((Variance(m1, sumSquares1, n1) / n1) + (Variance(m0, sumSquares0, n0) / n0));
        var small = n1 < MinimumSample || n0 < MinimumSample;
        double? z = standardError > 0 ? (m1 - m0) / standardError : null;
        return new MetricDelta(metric, m1, m0, m1 - m0, z, !small && z is { } zz && Math.Abs(zz) >= Critical, small);
    }

    private static MetricDelta Count(long current, long previous) =>
        new("conversations", current, previous, current - previous, null, false, current < MinimumSample || previous < MinimumSample);
}
