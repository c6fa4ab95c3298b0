namespace Toneline.Storage.Queries;

/// <summary>KPIs of the conversations of one day or week.</summary>
public sealed record TimeSeriesPoint(DateOnly Start, Kpis Kpis);
