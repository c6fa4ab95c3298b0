using System.Globalization;
using System.Text;
using Toneline.Storage.Database;
using Toneline.Storage.Ingestion;

namespace Toneline.Storage.Queries;

/// <summary>Turns a <see cref="ConversationFilter"/> into a parameterized <c>WHERE</c> over conversations <c>c</c>.</summary>
internal sealed class FilterSql
{
    private const long MillisecondsPerDay = 86_400_000;

    private readonly StringBuilder _where = new("c.overall IS NOT NULL");
    private readonly List<(string Name, object? Value)> _parameters = [];

    /// <param name="sort">A search's order: the start-time range and topic then stay off indexes unless they give that order.</param>
    /// <param name="commonWords">
    /// For a search page: whether the words match many conversations (<see cref="StorageDialect.FullTextProbe"/>)
    /// or few (<see cref="StorageDialect.FullTextFew"/>); <c>null</c> leaves the choice to the database.
    /// </param>
    public FilterSql(StorageDialect dialect, ConversationFilter filter, SortField? sort = null, bool? commonWords = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        // A page of a search sorted by another indexed column reads its sort index and checks the range
        // on each row: about Limit / (share in range) rows, instead of every row in range and a sort.
        var walksSortIndex = sort is SortField.StartTime or SortField.Overall or SortField.Agent or SortField.Id;
        var startTime = walksSortIndex && sort is not SortField.StartTime ? dialect.NotIndexed("c.start_ms") : "c.start_ms";
        if (filter.From is not null || filter.To is not null)
        {
            // Days become a start-time range, which the start-time indexes both filter and sort by;
            // day is NULL exactly when the start time is unknown (start_ms is then 0).
            _where.Append(" AND c.day IS NOT NULL");
            Range<long>(startTime, filter.From is { } from ? StoredValues.Day(from) * MillisecondsPerDay : null, null);
            if (filter.To is { } to)
            {
                _where.Append(CultureInfo.InvariantCulture, $" AND {startTime} < {Add((StoredValues.Day(to) + 1L) * MillisecondsPerDay)}");
            }
        }

        Range("c.overall", filter.MinOverall, filter.MaxOverall);
        Range("c.agent_score", filter.MinAgent, filter.MaxAgent);
        Range("c.customer_score", filter.MinCustomer, filter.MaxCustomer);
        // The same bounds on the expression the shift index sorts by (a missing score is -1000 there),
        // so a search by customer score can seek to them; the condition above already excludes NULLs.
        Range("COALESCE(c.customer_score, -1000)", filter.MinCustomer, filter.MaxCustomer);
        Range("c.duration_s", filter.MinDurationSeconds, filter.MaxDurationSeconds);
        In("c.band", filter.Bands?.Select(b => (int)b));
        In("c.agent_band", filter.AgentBands?.Select(b => (int)b));
        In("c.customer_band", filter.CustomerBands?.Select(b => (int)b));
        // Each shift is a large share of conversations: a page sorted by an indexed column is found
        // sooner by walking that index than by fetching every conversation of the shift (and score
        // range) and sorting: measured on 1M conversations, a 30-day NegativeToPositive search took
        // 117 s cold through the shift index and 0.25 s walking the start-time index.
        In(walksSortIndex ? dialect.NotIndexed("c.shift") : "c.shift", filter.Shifts?.Select(s => (int)s));
        In("c.channel", filter.Channels?.Select(s => (int)s));
        In("c.direction", filter.Directions?.Select(s => (int)s));
        Equal("c.agent_id", filter.AgentId);
        Equal("c.group_name", filter.Group);
        if (filter.Groups is { } groups)
        {
            And(groups.Count == 0 ? "1 = 0" : dialect.AnyOf("c.group_name", [.. groups.Distinct(StringComparer.Ordinal)], Add));
        }

        Equal("c.customer_id", filter.CustomerId);
        if (filter.Topic is { } topic)
        {
            var name = Add(topic);
            // A contact center has a handful of topics, each on a large share of conversations, so in a
            // search walking the sort index finds a page sooner than fetching the topic's conversations and sorting.
            var key = walksSortIndex ? dialect.NotIndexed("c.conv_key") : "c.conv_key";
            _where.Append(CultureInfo.InvariantCulture, $" AND {key} IN (SELECT ct.conv_key FROM conversation_topics ct WHERE ct.topic = {name})");
        }

        var words = Words(filter.Text);
        if (words.Count > 0)
        {
            var name = Add(dialect.FullTextQuery(words));
            _where.Append(" AND ").Append(commonWords switch
            {
                true => dialect.FullTextProbe(filter.TextIn, name),
                false => dialect.FullTextFew(filter.TextIn, name),
                null => dialect.FullTextCondition(filter.TextIn, name),
            });
        }
    }

    public string Where => _where.ToString();

    /// <summary>The provider's full-text query for the filter's words, or <c>null</c> when it has none.</summary>
    public static string? TextQuery(StorageDialect dialect, ConversationFilter filter)
    {
        var words = Words(filter.Text);
        return words.Count == 0 ? null : dialect.FullTextQuery(words);
    }

    public List<(string Name, object? Value)> Parameters => _parameters;

    public string Add(object? value)
    {
        var name = "@f" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add((name, value));
        return name;
    }

    public void And(string condition) => _where.Append(" AND ").Append(condition);

    private static List<string> Words(string? text) =>
        text is null ? [] : [.. text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => new string([.. w.Where(char.IsLetterOrDigit)]).ToLowerInvariant())
            .Where(w => w.Length > 0)];

    private void Range<T>(string column, T? min, T? max)
        where T : struct
    {
        if (min is { } low)
        {
            _where.Append(CultureInfo.InvariantCulture, $" AND {column} >= {Add(low)}");
        }

        if (max is { } high)
        {
            _where.Append(CultureInfo.InvariantCulture, $" AND {column} <= {Add(high)}");
        }
    }

    private void In(string column, IEnumerable<int>? values)
    {
        if (values is null)
        {
            return;
        }

        var names = values.Distinct().Select(v => Add(v)).ToList();
        if (names.Count == 0)
        {
            return;
        }

        _where.Append(CultureInfo.InvariantCulture, $" AND {column} IN ({string.Join(", ", names)})");
    }

    private void Equal(string column, string? value)
    {
        if (value is not null)
        {
            _where.Append(CultureInfo.InvariantCulture, $" AND {column} = {Add(value)}");
        }
    }
}
