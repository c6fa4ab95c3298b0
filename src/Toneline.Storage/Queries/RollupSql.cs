using System.Globalization;
using System.Text;
using Toneline.Storage.Database;
using Toneline.Storage.Ingestion;

namespace Toneline.Storage.Queries;

/// <summary>
/// Turns a <see cref="ConversationFilter"/> into a parameterized <c>WHERE</c> over rollup rows <c>r</c>,
/// when the rollup has every column the filter names; <see cref="For"/> returns <c>null</c> otherwise
/// (score or duration ranges, shifts, topics, customers, words), and the caller reads conversations instead.
/// </summary>
internal sealed class RollupSql
{
    private readonly StringBuilder _where = new("1 = 1");
    private readonly List<(string Name, object? Value)> _parameters = [];

    private RollupSql()
    {
    }

    public string Where => _where.ToString();

    public List<(string Name, object? Value)> Parameters => _parameters;

    /// <summary>A filter over <c>daily_rollup</c> (<paramref name="drivers"/> false) or <c>driver_rollup</c> (true).</summary>
    public static RollupSql? For(StorageDialect dialect, ConversationFilter filter, bool drivers = false)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(filter);
        // The rollup keeps a missing group as '', so a group '' asked for would match conversations without one.
        var servable =
            filter.MinOverall is null && filter.MaxOverall is null && filter.MinAgent is null && filter.MaxAgent is null &&
            filter.MinCustomer is null && filter.MaxCustomer is null && filter.MinDurationSeconds is null && filter.MaxDurationSeconds is null &&
            filter.AgentBands is null && filter.CustomerBands is null && filter.Shifts is null &&
            filter.Topic is null && filter.CustomerId is null && string.IsNullOrWhiteSpace(filter.Text) &&
            filter.Group is not "" && filter.Groups?.Contains("", StringComparer.Ordinal) is not true && filter.AgentId is not "" &&
            (!drivers || (filter.Bands is null && filter.Channels is null && filter.Directions is null && filter.AgentId is null));
        if (!servable)
        {
            return null;
        }

        var sql = new RollupSql();
        if (filter.From is not null || filter.To is not null)
        {
            // The unknown day is the lowest, so any range excludes it as the conversations' day column does.
            sql.Compare("r.day", ">=", filter.From is { } from ? StoredValues.Day(from) : ConversationStore.UnknownDay + 1);
            if (filter.To is { } to)
            {
                sql.Compare("r.day", "<=", StoredValues.Day(to));
            }
        }

        if (!drivers)
        {
            sql.In("r.band", filter.Bands?.Select(b => (int)b));
            sql.In("r.channel", filter.Channels?.Select(c => (int)c));
            sql.In("r.direction", filter.Directions?.Select(d => (int)d));
            if (filter.AgentId is { } agent)
            {
                sql.Compare("r.agent_id", "=", agent);
            }
        }

        if (filter.Group is { } group)
        {
            sql.Compare("r.group_name", "=", group);
        }

        if (filter.Groups is { } groups)
        {
            sql.And(groups.Count == 0 ? "1 = 0" : dialect.AnyOf("r.group_name", [.. groups.Distinct(StringComparer.Ordinal)], sql.Add));
        }

        return sql;
    }

    public string Add(object? value)
    {
        var name = "@r" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add((name, value));
        return name;
    }

    public void And(string condition) => _where.Append(" AND ").Append(condition);

    private void Compare(string column, string comparison, object value) =>
        _where.Append(CultureInfo.InvariantCulture, $" AND {column} {comparison} {Add(value)}");

    private void In(string column, IEnumerable<int>? values)
    {
        if (values is null)
        {
            return;
        }

        var names = values.Distinct().Select(v => Add(v)).ToList();
        if (names.Count > 0)
        {
            _where.Append(CultureInfo.InvariantCulture, $" AND {column} IN ({string.Join(", ", names)})");
        }
    }
}
