namespace Toneline.Storage.Queries;

internal sealed partial class ConversationQueries
{
    // Day 0 (1970-01-01) was a Thursday, so day - (day + 3) % 7 is the Monday of its week.
    private const string WeekOfDay = "c.day - ((c.day + 3) % 7)";

    public async Task<KpiComparison> CompareAsync(ConversationFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (from, to) = RangeOrLast30Days(filter);
        var length = to.DayNumber - from.DayNumber + 1;
        var previousTo = from.AddDays(-1);
        var previousFrom = previousTo.AddDays(-(length - 1));
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var current = await KpisAsync(connection, filter with { From = from, To = to }, cancellationToken).ConfigureAwait(false);
        var previous = await KpisAsync(connection, filter with { From = previousFrom, To = previousTo }, cancellationToken).ConfigureAwait(false);
        return new KpiComparison(from, to, previousFrom, previousTo, current, previous, Significance.Deltas(current, previous));
    }

    public async Task<Drilldown> DrilldownAsync(ConversationFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var total = await KpisAsync(connection, filter, cancellationToken).ConfigureAwait(false);
        if (filter.AgentId is not null)
        {
            var page = await SearchAsync(new SearchRequest(filter, SortField.Overall, Descending: false, Limit: 100), cancellationToken).ConfigureAwait(false);
            return new Drilldown(DrilldownLevel.Agent, total, [], page);
        }

        var level = filter.Group is null ? DrilldownLevel.Organization : DrilldownLevel.Group;
        string[] keys = level == DrilldownLevel.Organization ? ["c.group_name"] : ["c.agent_id", "c.agent_name"];
        var rows = await GroupedKpisAsync(connection, filter, keys, cancellationToken).ConfigureAwait(false);
        var breakdown = rows
            .Select(r => new BreakdownRow(KeyText(r.Keys[0]), r.Keys.Length > 1 ? r.Keys[1] as string : null, r.Kpis))
            .GroupBy(r => r.Key, StringComparer.Ordinal)
            .Select(g => g.Count() == 1 ? g.First() : Merge(g.Key, g))
            .OrderByDescending(r => r.Kpis.ShareNegative ?? 0)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        return new Drilldown(level, total, breakdown, null);
    }

    public async Task<IReadOnlyList<TimeSeriesPoint>> TimeSeriesAsync(ConversationFilter filter, TimeBucket bucket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var key = bucket == TimeBucket.Week ? WeekOfDay : "c.day";
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await GroupedKpisAsync(connection, filter, [key], cancellationToken).ConfigureAwait(false);
        return [.. rows.Where(r => r.Keys[0] is not null).Select(r => new TimeSeriesPoint(DayOf(r.Keys[0]), r.Kpis)).OrderBy(p => p.Start)];
    }

    public async Task<Heatmap> HeatmapAsync(ConversationFilter filter, HeatmapRows rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (from, to) = RangeOrLast30Days(filter);
        var key = rows == HeatmapRows.Agent ? "c.agent_id" : "c.group_name";
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var grouped = await GroupedKpisAsync(connection, filter with { From = from, To = to }, [key, "c.day"], cancellationToken).ConfigureAwait(false);
        var cells = grouped
            .Select(r => new HeatmapCell(KeyText(r.Keys[0]), DayOf(r.Keys[1]), r.Kpis.Count, r.Kpis.Negative, r.Kpis.Positive, r.Kpis.AverageOverall))
            .OrderBy(c => c.Row, StringComparer.Ordinal)
            .ThenBy(c => c.Day)
            .ToList();
        return new Heatmap(rows, from, to, cells);
    }

    private static BreakdownRow Merge(string key, IEnumerable<BreakdownRow> rows)
    {
        // An agent id seen with several names: one row, named by the most frequent.
        var list = rows.OrderByDescending(r => r.Kpis.Count).ToList();
        var count = list.Sum(r => r.Kpis.Count);
        double? Average(Func<Kpis, double?> of, Func<Kpis, long> weight) =>
            list.Sum(r => weight(r.Kpis)) == 0 ? null : list.Sum(r => (of(r.Kpis) ?? 0) * weight(r.Kpis)) / list.Sum(r => weight(r.Kpis));
        var kpis = new Kpis
        {
            Count = count,
            Negative = list.Sum(r => r.Kpis.Negative),
            Neutral = list.Sum(r => r.Kpis.Neutral),
            Positive = list.Sum(r => r.Kpis.Positive),
            AverageOverall = Average(k => k.AverageOverall, k => k.Count),
            AverageAgent = Average(k => k.AverageAgent, k => k.CountAgent),
            AverageCustomer = Average(k => k.AverageCustomer, k => k.CountCustomer),
            StartedNegative = list.Sum(r => r.Kpis.StartedNegative),
            Recovered = list.Sum(r => r.Kpis.Recovered),
            SumSquaresOverall = list.Sum(r => r.Kpis.SumSquaresOverall),
            SumSquaresAgent = list.Sum(r => r.Kpis.SumSquaresAgent),
            CountAgent = list.Sum(r => r.Kpis.CountAgent),
            SumSquaresCustomer = list.Sum(r => r.Kpis.SumSquaresCustomer),
            CountCustomer = list.Sum(r => r.Kpis.CountCustomer),
        };
        return new BreakdownRow(key, list[0].Name, kpis);
    }
}
