using System.Data.Common;
using Toneline.Storage.Database;

namespace Toneline.Storage.Queries;

internal sealed partial class ConversationQueries
{
    private const string NoTopic = "(none)";

    // driver_rollup kinds (see migration 0003).
    private const int PrimaryTopic = 0;
    private const int AnyTopic = 1;
    private const int NegativePhrase = 2;

    public async Task<DriverReport> DriversAsync(ConversationFilter filter, int top = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var baseline = await KpisAsync(connection, filter, cancellationToken).ConfigureAwait(false);

        var topics = await DriverRowsAsync(
            connection,
            filter,
            AnyTopic,
            "SELECT ct.topic, COUNT(*), SUM(CASE WHEN c.band < 0 THEN 1 ELSE 0 END) FROM conversation_topics ct " +
            "JOIN conversations c ON c.conv_key = ct.conv_key WHERE {0} GROUP BY ct.topic",
            cancellationToken).ConfigureAwait(false);

        // Negative evidence of the current score only, once per conversation (see negative_phrases).
        var phrases = await DriverRowsAsync(
            connection,
            filter,
            NegativePhrase,
            "SELECT p.phrase, COUNT(*), SUM(CASE WHEN c.band < 0 THEN 1 ELSE 0 END) FROM negative_phrases p " +
            "JOIN conversations c ON c.conv_key = p.conv_key WHERE {0} GROUP BY p.phrase",
            cancellationToken).ConfigureAwait(false);

        MixDecomposition? change = null;
        if (filter.From is not null || filter.To is not null)
        {
            change = await DecomposeAsync(connection, filter, cancellationToken).ConfigureAwait(false);
        }

        return new DriverReport(baseline, Rank(topics, baseline, top), Rank(phrases, baseline, top), change);
    }

    /// <summary>(name, conversations, negative) rows: from driver_rollup rows of <paramref name="kind"/> when the filter allows, else by <paramref name="sqlFormat"/>.</summary>
    private async Task<List<(string Name, long Count, long Negative)>> DriverRowsAsync(
        DbConnection connection, ConversationFilter filter, int kind, string sqlFormat, CancellationToken cancellationToken)
    {
        if (RollupSql.For(_dialect, filter, drivers: true) is { } rollup)
        {
            rollup.And($"r.kind = {rollup.Add(kind)}");
            return await connection.QueryAsync(
                null,
                $"SELECT r.name, SUM(r.conversations), SUM(r.negative) FROM driver_rollup r WHERE {rollup.Where} GROUP BY r.name HAVING SUM(r.conversations) > 0",
                rollup.Parameters,
                r => (r.GetString(0), r.GetInt64Any(1), r.GetInt64Any(2)),
                cancellationToken).ConfigureAwait(false);
        }

        var where = new FilterSql(_dialect, filter);
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, sqlFormat, where.Where);
        return await connection.QueryAsync(
            null, sql, where.Parameters, r => (r.GetString(0), r.GetInt64Any(1), r.GetInt64Any(2)), cancellationToken).ConfigureAwait(false);
    }

    private static List<Driver> Rank(List<(string Name, long Count, long Negative)> rows, Kpis baseline, int top)
    {
        var baseShare = baseline.ShareNegative;
        // Rare items have unstable shares: rank only those seen in at least 1% of conversations (min 3).
        var minimum = Math.Max(3, baseline.Count / 100);
        return [.. rows
            .Where(r => r.Count >= minimum && r.Negative > 0)
            .Select(r =>
            {
                var share = r.Negative / (double)r.Count;
                return new Driver(
                    r.Name,
                    r.Count,
                    r.Negative,
                    share,
                    baseShare is > 0 ? share / baseShare.Value : null,
                    baseline.Negative > 0 ? r.Negative / (double)baseline.Negative : null);
            })
            .OrderByDescending(d => d.Lift ?? 0)
            .ThenByDescending(d => d.Negative)
            .ThenBy(d => d.Name, StringComparer.Ordinal)
            .Take(top)];
    }

    private async Task<MixDecomposition> DecomposeAsync(DbConnection connection, ConversationFilter filter, CancellationToken cancellationToken)
    {
        var (from, to) = RangeOrLast30Days(filter);
        var length = to.DayNumber - from.DayNumber + 1;
        var previousTo = from.AddDays(-1);
        var previousFrom = previousTo.AddDays(-(length - 1));
        const string ByPrimaryTopic =
            "SELECT COALESCE(c.topic, ''), COUNT(*), SUM(CASE WHEN c.band < 0 THEN 1 ELSE 0 END) FROM conversations c WHERE {0} GROUP BY c.topic";
        var current = await DriverRowsAsync(connection, filter with { From = from, To = to }, PrimaryTopic, ByPrimaryTopic, cancellationToken).ConfigureAwait(false);
        var previous = await DriverRowsAsync(connection, filter with { From = previousFrom, To = previousTo }, PrimaryTopic, ByPrimaryTopic, cancellationToken).ConfigureAwait(false);

        // Both sources keep a conversation without a topic as ''.
        static Dictionary<string, (long Count, long Negative)> ByTopic(List<(string Name, long Count, long Negative)> rows) =>
            rows.GroupBy(r => r.Name is "" ? NoTopic : r.Name, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (g.Sum(r => r.Count), g.Sum(r => r.Negative)), StringComparer.Ordinal);
        var now = ByTopic(current);
        var before = ByTopic(previous);
        var nowTotal = now.Values.Sum(v => v.Count);
        var beforeTotal = before.Values.Sum(v => v.Count);

        var topics = new List<TopicMixChange>();
        foreach (var topic in now.Keys.Union(before.Keys).Order(StringComparer.Ordinal))
        {
            var (n1, neg1) = now.GetValueOrDefault(topic);
            var (n0, neg0) = before.GetValueOrDefault(topic);
            var w1 = nowTotal == 0 ? 0 : n1 / (double)nowTotal;
            var w0 = beforeTotal == 0 ? 0 : n0 / (double)beforeTotal;
            double? p1 = n1 == 0 ? null : neg1 / (double)n1;
            double? p0 = n0 == 0 ? null : neg0 / (double)n0;
            // A topic new in this period has no previous share: its whole part counts as mix.
            var basis = p0 ?? p1 ?? 0;
            var mix = (w1 - w0) * basis;
            var within = w1 * ((p1 ?? 0) - basis);
            topics.Add(new TopicMixChange(topic, w0, w1, p0, p1, mix, within));
        }

        double? share1 = nowTotal == 0 ? null : now.Values.Sum(v => v.Negative) / (double)nowTotal;
        double? share0 = beforeTotal == 0 ? null : before.Values.Sum(v => v.Negative) / (double)beforeTotal;
        return new MixDecomposition(
            previousFrom,
            previousTo,
            share0,
            share1,
            (share1 ?? 0) - (share0 ?? 0),
            topics.Sum(t => t.MixEffect),
            topics.Sum(t => t.WithinEffect),
            [.. topics.OrderByDescending(t => Math.Abs(t.MixEffect + t.WithinEffect))]);
    }
}
