namespace Toneline.Storage.Queries;

/// <summary>Groups or agents by day over a range; days without conversations have no cell.</summary>
public sealed record Heatmap(HeatmapRows Rows, DateOnly From, DateOnly To, IReadOnlyList<HeatmapCell> Cells);
