namespace Toneline.Storage.Queries;

/// <summary>One group or agent on one day.</summary>
public sealed record HeatmapCell(string Row, DateOnly Day, long Count, long Negative, long Positive, double? AverageOverall);
