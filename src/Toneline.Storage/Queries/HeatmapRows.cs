namespace Toneline.Storage.Queries;

/// <summary>What the rows of a heatmap are.</summary>
public enum HeatmapRows
{
    Group,
    Agent,
}
