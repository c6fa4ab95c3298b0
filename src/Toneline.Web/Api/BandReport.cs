using Toneline.Core.Conversations;
using Toneline.Storage.Queries;
using Toneline.Web.Api.Contracts;

namespace Toneline.Web.Api;

/// <summary>The call summary: band counts per group, or per agent, from the drill-down and summary queries.</summary>
internal static class BandReport
{
    public static async Task<IReadOnlyList<BandReportRow>> BuildAsync(
        IConversationQueries queries, ConversationFilter filter, IReadOnlyList<string>? onlyGroups, bool byAgent, CancellationToken cancellationToken)
    {
        var groups = new List<string>();
        if (filter.Group is { } one)
        {
            groups.Add(one);
        }
        else
        {
            var organization = await queries.DrilldownAsync(filter with { AgentId = null }, cancellationToken).ConfigureAwait(false);
            groups.AddRange(organization.Rows.Select(r => r.Key).Where(g => onlyGroups is null || onlyGroups.Contains(g, StringComparer.Ordinal)));
        }

        var rows = new List<BandReportRow>();
        foreach (var group in groups)
        {
            var groupFilter = filter with { Group = group };
            if (!byAgent)
            {
                var kpis = await queries.KpisAsync(groupFilter, cancellationToken).ConfigureAwait(false);
                rows.Add(Row(group, null, null, await queries.SummaryAsync(groupFilter, cancellationToken).ConfigureAwait(false), kpis.AverageOverall));
                continue;
            }

            var drill = await queries.DrilldownAsync(groupFilter with { AgentId = null }, cancellationToken).ConfigureAwait(false);
            foreach (var agent in drill.Rows.Where(r => filter.AgentId is null || r.Key == filter.AgentId))
            {
                var summary = await queries.SummaryAsync(groupFilter with { AgentId = agent.Key }, cancellationToken).ConfigureAwait(false);
                rows.Add(Row(agent.Key, agent.Name, group, summary, agent.Kpis.AverageOverall));
            }
        }

        return rows;
    }

    private static BandReportRow Row(string key, string? name, string? group, IReadOnlyDictionary<ScoreBand, long> s, double? average) => new(
        key, name, group,
        AnalyticsApi.Band(s, ScoreBand.VeryNegative), AnalyticsApi.Band(s, ScoreBand.Negative), AnalyticsApi.Band(s, ScoreBand.Neutral),
        AnalyticsApi.Band(s, ScoreBand.Positive), AnalyticsApi.Band(s, ScoreBand.VeryPositive), s.Values.Sum(), average);
}
