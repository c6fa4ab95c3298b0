namespace Toneline.Storage.Queries;

/// <summary>The questions supervisors ask of stored conversations.</summary>
public interface IConversationQueries
{
    Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Conversation counts per overall band; every band is present, with 0 when empty.</summary>
    Task<IReadOnlyDictionary<Core.Conversations.ScoreBand, long>> SummaryAsync(ConversationFilter filter, CancellationToken cancellationToken = default);

    Task<Kpis> KpisAsync(ConversationFilter filter, CancellationToken cancellationToken = default);

    /// <summary>KPIs of the filter's date range (default: the last 30 days) against the equally long range before it.</summary>
    Task<KpiComparison> CompareAsync(ConversationFilter filter, CancellationToken cancellationToken = default);

    /// <summary>The level is chosen by the filter: no group → organization, a group → group, an agent → agent.</summary>
    Task<Drilldown> DrilldownAsync(ConversationFilter filter, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TimeSeriesPoint>> TimeSeriesAsync(ConversationFilter filter, TimeBucket bucket, CancellationToken cancellationToken = default);

    /// <summary>Rows by day over the filter's date range (default: the last 30 days).</summary>
    Task<Heatmap> HeatmapAsync(ConversationFilter filter, HeatmapRows rows, CancellationToken cancellationToken = default);

    /// <summary>Conversations per overall band, total and average overall score, per group or per agent within each group, in one query.</summary>
    /// <remarks>Rows are ordered as the drill-down orders them: groups, then agents within a group, by share negative (highest first), then by name.</remarks>
    Task<IReadOnlyList<BandCounts>> BandReportAsync(ConversationFilter filter, bool byAgent, CancellationToken cancellationToken = default);

    /// <summary>Topic and phrase drivers; with a date range, also the decomposition against the previous equal range.</summary>
    Task<DriverReport> DriversAsync(ConversationFilter filter, int top = 10, CancellationToken cancellationToken = default);
}
