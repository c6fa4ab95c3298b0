namespace Toneline.Storage.Queries;

/// <summary>KPIs of one group, agent, topic or period.</summary>
public sealed record BreakdownRow(string Key, string? Name, Kpis Kpis);
