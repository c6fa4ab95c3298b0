using System.Data.Common;
using System.Runtime.CompilerServices;
using Toneline.Core.Conversations;
using Toneline.Core.Scoring;
using Toneline.Storage.Database;

namespace Toneline.Storage.Ingestion;

internal sealed partial class ConversationStore
{
    private const string ConversationColumns =
        "c.conv_key, c.id, c.channel, c.direction, c.start_ms, c.day, c.duration_s, c.agent_id, c.agent_name, c.group_name, " +
        "c.customer_id, c.topics, c.language, c.role_source, c.custom_fields";

    public async Task<StoredConversation?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync(
            null, $"SELECT {ConversationColumns}, c.current_method_id FROM conversations c WHERE c.id = @id", [("@id", id)], r => (Key: r.GetInt64Any(0), Header: ReadHeader(r), Current: r.GetInt64OrNull(15)), cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return null;
        }

        var (key, header, current) = rows[0];
        var turns = await ReadTurnsAsync(connection, [key], cancellationToken).ConfigureAwait(false);
        var conversation = header with { Turns = turns.GetValueOrDefault(key) ?? [] };
        var scores = await ReadScoresAsync(connection, key, current, cancellationToken).ConfigureAwait(false);
        return new StoredConversation(conversation, scores);
    }

    public async IAsyncEnumerable<Conversation> ReadAllAsync(ScoringMethod? skipCurrentMethod, string? group = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var skip = skipCurrentMethod is null ? -1 : await MethodIdAsync(connection, skipCurrentMethod, cancellationToken).ConfigureAwait(false);
        var after = long.MinValue;
        while (true)
        {
            var page = await connection.QueryAsync(
                null,
                $"SELECT {ConversationColumns} FROM conversations c WHERE c.conv_key > @after " +
                "AND (c.current_method_id IS NULL OR c.current_method_id <> @skip) " +
                (group is null ? string.Empty : "AND c.group_name = @group ") + "ORDER BY c.conv_key LIMIT 500",
                group is null ? [("@after", after), ("@skip", skip)] : [("@after", after), ("@skip", skip), ("@group", group)],
                r => (Key: r.GetInt64Any(0), Header: ReadHeader(r)),
                cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                yield break;
            }

            var turns = await ReadTurnsAsync(connection, [.. page.Select(p => p.Key)], cancellationToken).ConfigureAwait(false);
            foreach (var (key, header) in page)
            {
                yield return header with { Turns = turns.GetValueOrDefault(key) ?? [] };
            }

            after = page[^1].Key;
        }
    }

    private static Conversation ReadHeader(DbDataReader r)
    {
        var day = r.GetInt64OrNull(5);
        return new Conversation(r.GetString(1), [])
        {
            Channel = (Channel)r.GetInt64Any(2),
            Direction = (Direction)r.GetInt64Any(3),
            StartTime = day is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64Any(4)),
            DurationSeconds = r.GetDoubleOrNull(6),
            Agent = r.GetStringOrNull(7) is { } agentId ? new Agent(agentId, r.GetStringOrNull(8)) : null,
            Group = r.GetStringOrNull(9),
            CustomerId = r.GetStringOrNull(10),
            Topics = StoredValues.Topics(r.GetString(11)),
            Language = r.GetStringOrNull(12),
            RoleSource = (RoleSource)r.GetInt64Any(13),
            CustomFields = StoredValues.Fields(r.GetString(14)),
        };
    }

    private async Task<Dictionary<long, List<Turn>>> ReadTurnsAsync(DbConnection connection, IReadOnlyList<long> keys, CancellationToken cancellationToken)
    {
        var turns = new Dictionary<long, List<Turn>>();
        await using var command = connection.CreateCommand(null, string.Empty);
        command.CommandText = "SELECT conv_key, role, speaker, text, start_s, end_s FROM turns WHERE conv_key IN " +
            _dialect.ValueList(command, "k", keys) + " ORDER BY conv_key, turn_index";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = reader.GetInt64Any(0);
            if (!turns.TryGetValue(key, out var list))
            {
                turns[key] = list = [];
            }

            list.Add(new Turn((SpeakerRole)reader.GetInt64Any(1), reader.GetString(3))
            {
                SpeakerName = reader.GetStringOrNull(2),
                Start = reader.GetDoubleOrNull(4),
                End = reader.GetDoubleOrNull(5),
            });
        }

        return turns;
    }

    private static async Task<List<StoredScore>> ReadScoresAsync(DbConnection connection, long key, long? current, CancellationToken cancellationToken)
    {
        (string, object?)[] byKey = [("@key", key)];
        var turnScores = await connection.QueryAsync(
            null,
            "SELECT method_id, turn_index, role, score, label, confidence FROM turn_scores WHERE conv_key = @key ORDER BY method_id, turn_index",
            byKey,
            r => (Method: r.GetInt64Any(0), Turn: new StoredTurnScore(
                (int)r.GetInt64Any(1), (SpeakerRole)r.GetInt64Any(2), r.GetDoubleOrNull(3) ?? 0, (SentimentLabel)r.GetInt64Any(4), r.GetDoubleOrNull(5) ?? 0)),
            cancellationToken).ConfigureAwait(false);
        var highlights = await connection.QueryAsync(
            null,
            "SELECT method_id, turn_index, start, length, text, weight, kind, emotion FROM highlights WHERE conv_key = @key ORDER BY method_id, ordinal",
            byKey,
            r => (Method: r.GetInt64Any(0), Highlight: new Highlight(
                (int)r.GetInt64Any(1), (int)r.GetInt64Any(2), (int)r.GetInt64Any(3), r.GetString(4), r.GetDoubleOrNull(5) ?? 0,
                (EvidenceKind)r.GetInt64Any(6), r.GetInt64OrNull(7) is { } e ? (Emotion)e : null)),
            cancellationToken).ConfigureAwait(false);
        var emotions = await connection.QueryAsync(
            null,
            "SELECT method_id, emotion, intensity FROM emotions WHERE conv_key = @key",
            byKey,
            r => (Method: r.GetInt64Any(0), Emotion: (Emotion)r.GetInt64Any(1), Intensity: r.GetDoubleOrNull(2) ?? 0),
            cancellationToken).ConfigureAwait(false);

        var scores = await connection.QueryAsync(
            null,
            "SELECT s.method_id, m.engine, m.version, m.options_hash, s.overall, s.agent_score, s.customer_score, s.shift, " +
            "s.turning_point, s.resolved, s.explanation, s.scored_ms, s.details FROM scores s JOIN scoring_methods m ON m.method_id = s.method_id " +
            "WHERE s.conv_key = @key ORDER BY s.scored_ms DESC, s.method_id DESC",
            byKey,
            r =>
            {
                var method = r.GetInt64Any(0);
                var details = r.GetStringOrNull(12) is { } json ? ScoreDetails.Read(json) : default;
                return new StoredScore
                {
                    Method = new ScoringMethod(r.GetString(1), r.GetString(2), r.GetString(3)),
                    IsCurrent = method == current,
                    Overall = (int)r.GetInt64Any(4),
                    Agent = (int?)r.GetInt64OrNull(5),
                    Customer = (int?)r.GetInt64OrNull(6),
                    Shift = (Shift)r.GetInt64Any(7),
                    TurningPointTurn = (int?)r.GetInt64OrNull(8),
                    Resolved = r.IsDBNull(9) ? null : Convert.ToBoolean(r.GetValue(9), System.Globalization.CultureInfo.InvariantCulture),
                    Explanation = r.GetString(10),
                    ScoredAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64Any(11)),
                    Turns = details.Turns ?? [.. turnScores.Where(t => t.Method == method).Select(t => t.Turn)],
                    Highlights = details.Highlights ?? [.. highlights.Where(h => h.Method == method).Select(h => h.Highlight)],
                    CustomerEmotions = details.Emotions ?? emotions.Where(e => e.Method == method).ToDictionary(e => e.Emotion, e => e.Intensity),
                };
            },
            cancellationToken).ConfigureAwait(false);
        return [.. scores.OrderByDescending(s => s.IsCurrent)];
    }
}
