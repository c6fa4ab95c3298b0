using Toneline.Core.Conversations;
using Toneline.Storage.Database;

namespace Toneline.Storage.Queries;

internal sealed partial class ConversationQueries
{
    public async Task<IReadOnlyList<BandCounts>> BandReportAsync(ConversationFilter filter, bool byAgent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        string[] keys = byAgent ? ["group_name", "agent_id", "agent_name"] : ["group_name"];
        string sql;
        List<(string Name, object? Value)> parameters;
        // One grouped statement for the whole report: the daily rollup holds conversations and the
        // overall sum per group, agent and band, so most reports read it instead of conversations.
        if (RollupSql.For(_dialect, filter) is { } rollup)
        {
            var keyList = string.Join(", ", keys.Select(k => "r." + k));
            sql = $"SELECT {keyList}, r.band, SUM(r.conversations), SUM(r.sum_overall) FROM daily_rollup r WHERE {rollup.Where} " +
                $"GROUP BY {keyList}, r.band HAVING SUM(r.conversations) > 0";
            parameters = rollup.Parameters;
        }
        else
        {
            var where = new FilterSql(_dialect, filter);
            var keyList = string.Join(", ", keys.Select(k => "c." + k));
            sql = $"SELECT {keyList}, c.band, COUNT(*), SUM(c.overall) FROM conversations c WHERE {where.Where} GROUP BY {keyList}, c.band";
            parameters = where.Parameters;
        }

        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync(
            null,
            sql,
            parameters,
            r => (
                // The rollup keeps a missing group, agent or name as '', the conversations table as NULL.
                Group: r.GetStringOrNull(0) ?? string.Empty,
                Agent: byAgent ? r.GetStringOrNull(1) ?? string.Empty : null,
                Name: byAgent && r.GetStringOrNull(2) is { Length: > 0 } name ? name : null,
                Band: (ScoreBand)r.GetInt64Any(keys.Length),
                Count: r.GetInt64Any(keys.Length + 1),
                SumOverall: r.GetInt64Any(keys.Length + 2)),
            cancellationToken).ConfigureAwait(false);

        var report = rows
            .GroupBy(r => (r.Group, r.Agent))
            .Select(g =>
            {
                var bands = Enum.GetValues<ScoreBand>().ToDictionary(b => b, b => g.Where(r => r.Band == b).Sum(r => r.Count));
                var total = g.Sum(r => r.Count);
                // An agent id seen with several names is one row, named by the most frequent (as in the drill-down).
                var name = g.GroupBy(r => r.Name)
                    .OrderByDescending(n => n.Sum(r => r.Count))
                    .ThenBy(n => n.Key, StringComparer.Ordinal)
                    .First().Key;
                return new BandCounts(g.Key.Group, g.Key.Agent, name, bands, total, total == 0 ? null : g.Sum(r => r.SumOverall) / (double)total);
            })
            .ToList();

        // Groups, and agents within each group, ordered as the drill-down orders them: most negative first.
        var groupShare = report
            .GroupBy(r => r.Group, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.Sum(r => r.Bands[ScoreBand.VeryNegative] + r.Bands[ScoreBand.Negative]) / (double)g.Sum(r => r.Total),
                StringComparer.Ordinal);
        return [.. report
            .OrderByDescending(r => groupShare[r.Group])
            .ThenBy(r => r.Group, StringComparer.Ordinal)
            .ThenByDescending(r => r.ShareNegative)
            .ThenBy(r => r.AgentId, StringComparer.Ordinal)];
    }
}
