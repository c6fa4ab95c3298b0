using Toneline.Core.Conversations;
using Toneline.Storage.Queries;
using Toneline.Web.Api.Contracts;

namespace Toneline.Web.Api;

/// <summary>The call summary: band counts per group, or per agent, from one grouped storage query.</summary>
internal static class BandReport
{
    public static async Task<IReadOnlyList<BandReportRow>> BuildAsync(
        IConversationQueries queries, ConversationFilter filter, bool byAgent, CancellationToken cancellationToken)
    {
        var counts = await queries.BandReportAsync(filter, byAgent, cancellationToken).ConfigureAwait(false);
        if (!byAgent && counts.Count == 0 && filter.Group is { } asked)
        {
            // A report for one group names it even when it has no conversations in the range.
            return [new BandReportRow(asked, null, null, 0, 0, 0, 0, 0, 0, null)];
        }

        return [.. counts.Select(c => byAgent ? Row(c.AgentId ?? string.Empty, c.AgentName, c.Group, c) : Row(c.Group, null, null, c))];
    }

    private static BandReportRow Row(string key, string? name, string? group, BandCounts c) => new(
        key, name, group,
        c.Bands[ScoreBand.VeryNegative], c.Bands[ScoreBand.Negative], c.Bands[ScoreBand.Neutral],
        c.Bands[ScoreBand.Positive], c.Bands[ScoreBand.VeryPositive], c.Total, c.AverageOverall);
}
