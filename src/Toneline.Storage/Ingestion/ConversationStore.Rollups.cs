using System.Data.Common;
using Toneline.Storage.Database;

namespace Toneline.Storage.Ingestion;

internal sealed partial class ConversationStore
{
    /// <summary>The day a conversation without a start time is counted on in the rollups.</summary>
    public const long UnknownDay = -2147483648;

    private const string DailyKeys = "day, group_name, agent_id, agent_name, channel, direction, band";

    private const string DailyValues =
        "conversations, sum_overall, sum_sq_overall, agent_scored, sum_agent, sum_sq_agent, " +
        "customer_scored, sum_customer, sum_sq_customer, started_negative, recovered";

    // Started negative and recovered by shift, as in the KPI query (2 StableNegative, 6 NegativeToPositive, 7 NegativeToNeutral).
    private static readonly string DailyRollupUpsert =
        $"INSERT INTO daily_rollup ({DailyKeys}, {DailyValues}) " +
        $"SELECT COALESCE(c.day, {UnknownDay}), COALESCE(c.group_name, ''), COALESCE(c.agent_id, ''), COALESCE(c.agent_name, ''), c.channel, c.direction, c.band, " +
        "@sign * COUNT(*), @sign * SUM(CAST(c.overall AS BIGINT)), @sign * SUM(CAST(c.overall AS BIGINT) * c.overall), " +
        "@sign * COUNT(c.agent_score), @sign * COALESCE(SUM(CAST(c.agent_score AS BIGINT)), 0), @sign * COALESCE(SUM(CAST(c.agent_score AS BIGINT) * c.agent_score), 0), " +
        "@sign * COUNT(c.customer_score), @sign * COALESCE(SUM(CAST(c.customer_score AS BIGINT)), 0), @sign * COALESCE(SUM(CAST(c.customer_score AS BIGINT) * c.customer_score), 0), " +
        "@sign * SUM(CASE WHEN c.shift IN (2, 6, 7) THEN 1 ELSE 0 END), @sign * SUM(CASE WHEN c.shift IN (6, 7) THEN 1 ELSE 0 END) " +
        "FROM conversations c WHERE c.overall IS NOT NULL AND c.conv_key IN {0} GROUP BY 1, 2, 3, 4, 5, 6, 7 " +
        $"ON CONFLICT ({DailyKeys}) DO UPDATE SET " +
        string.Join(", ", DailyValues.Split(", ").Select(v => $"{v} = daily_rollup.{v} + excluded.{v}"));

    // (kind, name, rows): 0 primary topic, 1 any topic, 2 negative evidence phrase of the current score.
    private static readonly (int Kind, string Name, string From)[] DriverRollupSources =
    [
        (0, "COALESCE(c.topic, '')", "conversations c WHERE c.overall IS NOT NULL AND c.conv_key IN {0}"),
        (1, "t.topic", "conversation_topics t JOIN conversations c ON c.conv_key = t.conv_key WHERE c.overall IS NOT NULL AND t.conv_key IN {0}"),
        (2, "p.phrase", "negative_phrases p JOIN conversations c ON c.conv_key = p.conv_key WHERE c.overall IS NOT NULL AND p.conv_key IN {0}"),
    ];

    private static readonly string[] DriverRollupUpserts = [.. DriverRollupSources.Select(source =>
        "INSERT INTO driver_rollup (day, group_name, kind, name, conversations, negative) " +
        $"SELECT COALESCE(c.day, {UnknownDay}), COALESCE(c.group_name, ''), {source.Kind}, {source.Name}, " +
        "@sign * COUNT(*), @sign * SUM(CASE WHEN c.band < 0 THEN 1 ELSE 0 END) " +
        $"FROM {source.From} GROUP BY 1, 2, 3, 4 " +
        "ON CONFLICT (day, group_name, kind, name) DO UPDATE SET " +
        "conversations = driver_rollup.conversations + excluded.conversations, negative = driver_rollup.negative + excluded.negative")];

    /// <summary>
    /// Adds (<paramref name="sign"/> 1) or takes out (-1) the rollup contribution of these stored conversations,
    /// as they are now; zero rows stay and queries skip them, so a save never scans the rollups.
    /// </summary>
    private async Task ApplyRollupsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<long> keys, long sign, CancellationToken cancellationToken)
    {
        foreach (var chunk in keys.Chunk(1000))
        {
            await RunAsync(DailyRollupUpsert, chunk).ConfigureAwait(false);
            foreach (var upsert in DriverRollupUpserts)
            {
                await RunAsync(upsert, chunk).ConfigureAwait(false);
            }
        }

        async Task RunAsync(string sql, long[] chunk)
        {
            await using var command = connection.CreateCommand(transaction, string.Empty);
            command.Add("@sign", sign);
            command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, _dialect.ValueList(command, "k", chunk));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
