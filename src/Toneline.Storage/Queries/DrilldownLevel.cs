namespace Toneline.Storage.Queries;

/// <summary>The levels of the organization drill-down.</summary>
public enum DrilldownLevel
{
    /// <summary>The whole organization, broken down by group.</summary>
    Organization,

    /// <summary>One group, broken down by agent.</summary>
    Group,

    /// <summary>One agent, with their conversations.</summary>
    Agent,
}
