using System.Globalization;
using System.Text;
using Toneline.Core.Conversations;
using Toneline.Storage.Database;
using Toneline.Storage.Ingestion;

namespace Toneline.Storage.Queries;

internal sealed partial class ConversationQueries
{
    private const string SummaryColumns =
        "c.conv_key, c.id, c.start_ms, c.day, c.channel, c.direction, c.duration_s, c.agent_id, c.agent_name, c.group_name, " +
        "c.customer_id, c.topics, c.overall, c.agent_score, c.customer_score, c.shift, c.resolved, s.explanation, " +
        "m.engine, m.version, m.options_hash";

    public async Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Limit, 10_000);
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        bool? commonWords = null;
        if (FilterSql.TextQuery(_dialect, request.Filter) is { } text && _dialect.FullTextCommonness(request.Filter.TextIn, "@q") is { } commonness)
        {
            var counted = await connection.QueryAsync(null, commonness.Sql, [("@q", text)], r => r.GetInt64Any(0), cancellationToken).ConfigureAwait(false);
            commonWords = counted[0] > commonness.Above;
        }

        var where = new FilterSql(_dialect, request.Filter, request.Sort, commonWords);
        var (expression, isText) = SortExpression(request.Sort);
        var comparison = request.Descending ? "<" : ">";
        if (request.After is { } after)
        {
            var (value, key) = DecodeCursor(after, isText);
            where.And($"({expression}, c.conv_key) {comparison} ({where.Add(value)}, {where.Add(key)})");
        }

        var direction = request.Descending ? "DESC" : "ASC";
        var sql =
            $"SELECT {SummaryColumns}, {expression} FROM conversations c " +
            "LEFT JOIN scores s ON s.conv_key = c.conv_key AND s.method_id = c.current_method_id " +
            "LEFT JOIN scoring_methods m ON m.method_id = c.current_method_id " +
            $"WHERE {where.Where} ORDER BY {expression} {direction}, c.conv_key {direction} LIMIT {where.Add(request.Limit + 1)}";

        var rows = await connection.QueryAsync(
            null,
            sql,
            where.Parameters,
            r =>
            {
                var day = r.GetInt64OrNull(3);
                var summary = new ConversationSummary
                {
                    Id = r.GetString(1),
                    StartTime = day is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64Any(2)),
                    Channel = (Channel)r.GetInt64Any(4),
                    Direction = (Direction)r.GetInt64Any(5),
                    DurationSeconds = r.GetDoubleOrNull(6),
                    AgentId = r.GetStringOrNull(7),
                    AgentName = r.GetStringOrNull(8),
                    Group = r.GetStringOrNull(9),
                    CustomerId = r.GetStringOrNull(10),
                    Topics = StoredValues.Topics(r.GetString(11)),
                    Overall = (int?)r.GetInt64OrNull(12),
                    AgentScore = (int?)r.GetInt64OrNull(13),
                    CustomerScore = (int?)r.GetInt64OrNull(14),
                    Shift = r.GetInt64OrNull(15) is { } shift ? (Shift)shift : null,
                    Resolved = r.IsDBNull(16) ? null : Convert.ToBoolean(r.GetValue(16), CultureInfo.InvariantCulture),
                    Explanation = r.GetStringOrNull(17),
                    Method = r.IsDBNull(18) ? null : $"{r.GetString(18)}/{r.GetString(19)}/{r.GetString(20)}",
                };
                var sortValue = isText ? (object)r.GetString(21) : r.GetValue(21);
                return (Summary: summary, Key: r.GetInt64Any(0), SortValue: sortValue);
            },
            cancellationToken).ConfigureAwait(false);

        string? next = null;
        if (rows.Count > request.Limit)
        {
            rows.RemoveAt(rows.Count - 1);
            next = EncodeCursor(rows[^1].SortValue, rows[^1].Key, isText);
        }

        return new SearchPage([.. rows.Select(r => r.Summary)], next);
    }

    // Nullable columns sort as if missing values were lowest, so the cursor always has a value.
    private (string Expression, bool IsText) SortExpression(SortField sort) => sort switch
    {
        SortField.StartTime => ("c.start_ms", false),
        SortField.Overall => ("c.overall", false),
        SortField.AgentScore => ("COALESCE(c.agent_score, -1000)", false),
        SortField.CustomerScore => ("COALESCE(c.customer_score, -1000)", false),
        SortField.Duration => ("COALESCE(c.duration_s, -1.0)", false),
        SortField.Shift => ("c.shift", false),
        SortField.Channel => ("c.channel", false),
        SortField.Direction => ("c.direction", false),
        SortField.Agent => (_dialect.Ordinal("COALESCE(c.agent_id, '')"), true),
        SortField.Group => (_dialect.Ordinal("COALESCE(c.group_name, '')"), true),
        SortField.Topic => (_dialect.Ordinal("COALESCE(c.topic, '')"), true),
        SortField.Customer => (_dialect.Ordinal("COALESCE(c.customer_id, '')"), true),
        SortField.Id => (_dialect.Ordinal("c.id"), true),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Unknown sort field."),
    };

    private static string EncodeCursor(object value, long key, bool isText)
    {
        var text = value switch
        {
            string s => s,
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
            _ => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        };
        var kind = isText ? 't' : value is double or float ? 'd' : 'i';
        var raw = $"{kind}{key.ToString(CultureInfo.InvariantCulture)}|{text}";
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(raw)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static (object Value, long Key) DecodeCursor(string cursor, bool isText)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var raw = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var bar = raw.IndexOf('|', StringComparison.Ordinal);
            var kind = raw[0];
            var key = long.Parse(raw.AsSpan(1, bar - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            var text = raw[(bar + 1)..];
            if (isText != (kind == 't'))
            {
                throw new FormatException("The cursor belongs to a search sorted by another field.");
            }

            object value = kind switch
            {
                't' => text,
                'd' => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                _ => long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            };
            return (value, key);
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            throw new ArgumentException($"The page cursor '{cursor}' is not valid; pass the Next value of the previous page with the same sort.", nameof(cursor), e);
        }
    }
}
