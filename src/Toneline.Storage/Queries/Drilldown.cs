namespace Toneline.Storage.Queries;

/// <summary>One level of the drill-down: its KPIs, the rows one level down, and at agent level the conversations.</summary>
public sealed record Drilldown(DrilldownLevel Level, Kpis Total, IReadOnlyList<BreakdownRow> Rows, SearchPage? Conversations);
