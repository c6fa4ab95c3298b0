namespace Toneline.Storage.Queries;

/// <summary>What search results are ordered by.</summary>
public enum SortField
{
    StartTime,
    Overall,
    AgentScore,
    CustomerScore,
    Duration,
    Shift,
    Channel,
    Direction,
    Agent,
    Group,
    Topic,
    Customer,
    Id,
}
