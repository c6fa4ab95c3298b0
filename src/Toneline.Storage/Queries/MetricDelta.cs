namespace Toneline.Storage.Queries;

/// <summary>One KPI in two periods, the change, and whether the change is more than noise.</summary>
/// <param name="Z">The test statistic (two-proportion z for shares, Welch z for averages), when it can be computed.</param>
/// <param name="Significant">|z| ≥ 1.96 (5% two-sided) and the sample is not small.</param>
/// <param name="SmallSample">Too few conversations to tell (under 30 in a period, or fewer than 5 expected in a cell).</param>
public sealed record MetricDelta(string Metric, double? Current, double? Previous, double? Delta, double? Z, bool Significant, bool SmallSample);
