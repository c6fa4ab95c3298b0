using System.Data.Common;
using Toneline.Core.Conversations;
using Toneline.Storage.Database;
using Toneline.Storage.Ingestion;

namespace Toneline.Storage.Queries;

/// <summary>The query service, shared SQL over every provider.</summary>
internal sealed partial class ConversationQueries : IConversationQueries
{
    // Negative/neutral/positive by overall band; started negative and recovered by shift
    // (Shift: 2 StableNegative, 6 NegativeToPositive, 7 NegativeToNeutral).
    private const string KpiColumns =
        "COUNT(*), " +
        "SUM(CASE WHEN c.band < 0 THEN 1 ELSE 0 END), " +
        "SUM(CASE WHEN c.band = 0 THEN 1 ELSE 0 END), " +
        "SUM(CASE WHEN c.band > 0 THEN 1 ELSE 0 END), " +
        "AVG(CAST(c.overall AS DOUBLE PRECISION)), AVG(CAST(c.agent_score AS DOUBLE PRECISION)), AVG(CAST(c.customer_score AS DOUBLE PRECISION)), " +
        "SUM(CASE WHEN c.shift IN (2, 6, 7) THEN 1 ELSE 0 END), " +
        "SUM(CASE WHEN c.shift IN (6, 7) THEN 1 ELSE 0 END), " +
        "SUM(CAST(c.overall AS DOUBLE PRECISION) * c.overall), " +
        "SUM(CAST(c.agent_score AS DOUBLE PRECISION) * c.agent_score), COUNT(c.agent_score), " +
        "SUM(CAST(c.customer_score AS DOUBLE PRECISION) * c.customer_score), COUNT(c.customer_score)";

    // The same columns from daily_rollup r, as sums: ReadRollupKpis divides for the averages.
    private const string RollupKpiColumns =
        "SUM(r.conversations), " +
        "SUM(CASE WHEN r.band < 0 THEN r.conversations ELSE 0 END), " +
        "SUM(CASE WHEN r.band = 0 THEN r.conversations ELSE 0 END), " +
        "SUM(CASE WHEN r.band > 0 THEN r.conversations ELSE 0 END), " +
        "SUM(r.sum_overall), SUM(r.sum_agent), SUM(r.sum_customer), SUM(r.started_negative), SUM(r.recovered), " +
        "SUM(r.sum_sq_overall), SUM(r.sum_sq_agent), SUM(r.agent_scored), SUM(r.sum_sq_customer), SUM(r.customer_scored)";

    // Group keys the daily rollup can serve, written over conversations c (see TimeSeriesAsync for the week).
    private static readonly HashSet<string> RollupKeys = new(StringComparer.Ordinal)
    {
        "c.group_name", "c.agent_id", "c.agent_name", "c.day", WeekOfDay,
    };

    private readonly StorageDialect _dialect;
    private readonly TimeProvider _time;

    public ConversationQueries(StorageDialect dialect, TimeProvider time)
    {
        _dialect = dialect;
        _time = time;
    }

    public async Task<IReadOnlyDictionary<ScoreBand, long>> SummaryAsync(ConversationFilter filter, CancellationToken cancellationToken = default)
    {
        string sql;
        List<(string Name, object? Value)> parameters;
        if (RollupSql.For(_dialect, filter) is { } rollup)
        {
            (sql, parameters) = ($"SELECT r.band, SUM(r.conversations) FROM daily_rollup r WHERE {rollup.Where} GROUP BY r.band", rollup.Parameters);
        }
        else
        {
            var where = new FilterSql(_dialect, filter);
            (sql, parameters) = ($"SELECT c.band, COUNT(*) FROM conversations c WHERE {where.Where} GROUP BY c.band", where.Parameters);
        }

        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync(
            null, sql, parameters, r => ((ScoreBand)r.GetInt64Any(0), r.GetInt64Any(1)), cancellationToken).ConfigureAwait(false);
        var summary = Enum.GetValues<ScoreBand>().ToDictionary(b => b, _ => 0L);
        foreach (var (band, count) in rows)
        {
            summary[band] = count;
        }

        return summary;
    }

    public async Task<Kpis> KpisAsync(ConversationFilter filter, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await KpisAsync(connection, filter, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Kpis> KpisAsync(DbConnection connection, ConversationFilter filter, CancellationToken cancellationToken)
    {
        if (RollupSql.For(_dialect, filter) is { } rollup)
        {
            var totals = await connection.QueryAsync(
                null, $"SELECT {RollupKpiColumns} FROM daily_rollup r WHERE {rollup.Where}", rollup.Parameters, r => ReadRollupKpis(r, 0), cancellationToken).ConfigureAwait(false);
            return totals[0];
        }

        var where = new FilterSql(_dialect, filter);
        var rows = await connection.QueryAsync(
            null, $"SELECT {KpiColumns} FROM conversations c WHERE {where.Where}", where.Parameters, r => ReadKpis(r, 0), cancellationToken).ConfigureAwait(false);
        return rows[0];
    }

    /// <summary>KPIs grouped by key expressions over conversations <c>c</c>; the keys come first in each row.</summary>
    /// <remarks>Keys the daily rollup has (group, agent, day, week) are read from it when the filter allows.</remarks>
    private async Task<List<(object?[] Keys, Kpis Kpis)>> GroupedKpisAsync(
        DbConnection connection, ConversationFilter filter, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        if (keys.All(RollupKeys.Contains) && RollupSql.For(_dialect, filter) is { } rollup)
        {
            return await RollupGroupedKpisAsync(connection, rollup, keys, cancellationToken).ConfigureAwait(false);
        }

        var where = new FilterSql(_dialect, filter);
        var keyList = string.Join(", ", keys);
        var sql = $"SELECT {keyList}, {KpiColumns} FROM conversations c WHERE {where.Where} GROUP BY {keyList}";
        return await connection.QueryAsync(
            null,
            sql,
            where.Parameters,
            r =>
            {
                var values = new object?[keys.Count];
                for (var i = 0; i < keys.Count; i++)
                {
                    values[i] = r.IsDBNull(i) ? null : r.GetValue(i);
                }

                return (values, ReadKpis(r, keys.Count));
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<(object?[] Keys, Kpis Kpis)>> RollupGroupedKpisAsync(
        DbConnection connection, RollupSql rollup, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var rollupKeys = keys.Select(k => k.Replace("c.", "r.", StringComparison.Ordinal)).ToList();
        if (keys.Any(k => k.Contains("c.day", StringComparison.Ordinal)))
        {
            // Conversations without a start time have no day to group by (the base query drops its NULL key).
            rollup.And($"r.day <> {ConversationStore.UnknownDay}");
        }

        var keyList = string.Join(", ", rollupKeys);
        var sql = $"SELECT {keyList}, {RollupKpiColumns} FROM daily_rollup r WHERE {rollup.Where} GROUP BY {keyList} HAVING SUM(r.conversations) > 0";
        return await connection.QueryAsync(
            null,
            sql,
            rollup.Parameters,
            r =>
            {
                var values = new object?[keys.Count];
                for (var i = 0; i < keys.Count; i++)
                {
                    // The rollup keeps a missing group, agent or name as ''.
                    values[i] = r.IsDBNull(i) || r.GetValue(i) is "" ? null : r.GetValue(i);
                }

                return (values, ReadRollupKpis(r, keys.Count));
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static Kpis ReadRollupKpis(DbDataReader r, int first)
    {
        var count = r.GetInt64Any(first);
        var agentScored = r.GetInt64Any(first + 11);
        var customerScored = r.GetInt64Any(first + 13);
        return new()
        {
            Count = count,
            Negative = r.GetInt64Any(first + 1),
            Neutral = r.GetInt64Any(first + 2),
            Positive = r.GetInt64Any(first + 3),
            AverageOverall = count == 0 ? null : r.GetInt64Any(first + 4) / (double)count,
            AverageAgent = agentScored == 0 ? null : r.GetInt64Any(first + 5) / (double)agentScored,
            AverageCustomer = customerScored == 0 ? null : r.GetInt64Any(first + 6) / (double)customerScored,
            StartedNegative = r.GetInt64Any(first + 7),
            Recovered = r.GetInt64Any(first + 8),
            SumSquaresOverall = r.GetInt64Any(first + 9),
            SumSquaresAgent = r.GetInt64Any(first + 10),
            CountAgent = agentScored,
            SumSquaresCustomer = r.GetInt64Any(first + 12),
            CountCustomer = customerScored,
        };
    }

    private static Kpis ReadKpis(DbDataReader r, int first) => new()
    {
        Count = r.GetInt64Any(first),
        Negative = r.GetInt64Any(first + 1),
        Neutral = r.GetInt64Any(first + 2),
        Positive = r.GetInt64Any(first + 3),
        AverageOverall = r.GetDoubleOrNull(first + 4),
        AverageAgent = r.GetDoubleOrNull(first + 5),
        AverageCustomer = r.GetDoubleOrNull(first + 6),
        StartedNegative = r.GetInt64Any(first + 7),
        Recovered = r.GetInt64Any(first + 8),
        SumSquaresOverall = r.GetDoubleOrNull(first + 9) ?? 0,
        SumSquaresAgent = r.GetDoubleOrNull(first + 10) ?? 0,
        CountAgent = r.GetInt64Any(first + 11),
        SumSquaresCustomer = r.GetDoubleOrNull(first + 12) ?? 0,
        CountCustomer = r.GetInt64Any(first + 13),
    };

    private (DateOnly From, DateOnly To) RangeOrLast30Days(ConversationFilter filter)
    {
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var to = filter.To ?? (filter.From is { } f && f > today ? f : today);
        var from = filter.From ?? to.AddDays(-29);
        return (from, to);
    }

    private static string KeyText(object? key) => Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    private static DateOnly DayOf(object? key) => StoredValues.Date(Convert.ToInt64(key, System.Globalization.CultureInfo.InvariantCulture));
}
