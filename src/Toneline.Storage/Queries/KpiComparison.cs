namespace Toneline.Storage.Queries;

/// <summary>KPIs for a period and for the equally long period just before it.</summary>
public sealed record KpiComparison(DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, Kpis Current, Kpis Previous, IReadOnlyList<MetricDelta> Deltas);
