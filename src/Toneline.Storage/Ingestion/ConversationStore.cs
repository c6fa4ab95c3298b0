using System.Collections.Concurrent;
using System.Data.Common;
using Toneline.Core.Scoring;
using Toneline.Storage.Database;

namespace Toneline.Storage.Ingestion;

/// <summary>The one write path for conversations and scores, shared by every provider.</summary>
internal sealed partial class ConversationStore : IConversationStore
{
    private static readonly RowShape ConversationRow = new(
        "conversations",
        "id, content_hash, channel, direction, start_ms, day, duration_s, agent_id, agent_name, group_name, customer_id, " +
        "topic, topics, language, role_source, custom_fields, turn_count, current_method_id, overall, band, agent_score, " +
        "agent_band, customer_score, customer_band, shift, resolved, imported_ms",
        27);

    private static readonly string ConversationUpsert =
        "ON CONFLICT (id) DO UPDATE SET " + string.Join(", ", ConversationRow.Columns.Split(", ").Skip(1).Select(c => $"{c} = excluded.{c}"));

    private static readonly RowShape TopicRow = new("conversation_topics", "conv_key, topic", 2);
    private static readonly RowShape NegativePhraseRow = new("negative_phrases", "conv_key, phrase", 2);
    private static readonly RowShape TurnRow = new("turns", "conv_key, turn_index, role, speaker, text, start_s, end_s", 7);
    private static readonly RowShape ScoreRow = new(
        "scores",
        "conv_key, method_id, overall, agent_score, customer_score, shift, turning_point, resolved, role_source, explanation, trend, scored_ms, details",
        13);

    private readonly StorageDialect _dialect;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<ScoringMethod, int> _methodIds = new();

    public ConversationStore(StorageDialect dialect, TimeProvider time)
    {
        _dialect = dialect;
        _time = time;
    }

    public async Task<IReadOnlyDictionary<string, StoredState>> GetStatesAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var states = new Dictionary<string, StoredState>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return states;
        }

        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(1000))
        {
            await using var command = connection.CreateCommand(null, string.Empty);
            command.CommandText =
                "SELECT c.id, c.content_hash, m.engine, m.version, m.options_hash FROM conversations c " +
                "LEFT JOIN scoring_methods m ON m.method_id = c.current_method_id WHERE c.id IN " + _dialect.ValueList(command, "i", chunk);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var method = reader.IsDBNull(2) ? null : new ScoringMethod(reader.GetString(2), reader.GetString(3), reader.GetString(4));
                var id = reader.GetString(0);
                states[id] = new StoredState(id, reader.GetString(1), method);
            }
        }

        return states;
    }

    public async Task<bool> DeferIndexesAsync(long storedByImport, CancellationToken cancellationToken = default)
    {
        // Rebuilding an index sorts the whole table once: worth it when the import is large next to
        // what was stored before it, since every row inserted into a large index costs a random page.
        var (total, _) = await CountAsync(null, cancellationToken).ConfigureAwait(false);
        return total <= 4 * storedByImport && await _dialect.DeferIndexesAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task RestoreIndexesAsync(CancellationToken cancellationToken = default) => _dialect.RestoreIndexesAsync(cancellationToken);

    public async Task<(long Total, long ByMethod)> CountAsync(ScoringMethod? method, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var methodId = method is null ? -1 : await MethodIdAsync(connection, method, cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync(
            null,
            "SELECT COUNT(*), SUM(CASE WHEN current_method_id = @method THEN 1 ELSE 0 END) FROM conversations",
            [("@method", methodId)],
            r => (r.GetInt64Any(0), r.GetInt64Any(1)),
            cancellationToken).ConfigureAwait(false);
        return rows[0];
    }

    private async Task<int> MethodIdAsync(DbConnection connection, ScoringMethod method, CancellationToken cancellationToken)
    {
        if (_methodIds.TryGetValue(method, out var id))
        {
            return id;
        }

        (string, object?)[] parameters = [("@engine", method.Engine), ("@version", method.Version), ("@hash", method.OptionsHash)];
        await connection.ExecuteAsync(
            null,
            "INSERT INTO scoring_methods (engine, version, options_hash) VALUES (@engine, @version, @hash) ON CONFLICT DO NOTHING",
            cancellationToken,
            parameters).ConfigureAwait(false);
        var ids = await connection.QueryAsync(
            null,
            "SELECT method_id FROM scoring_methods WHERE engine = @engine AND version = @version AND options_hash = @hash",
            parameters,
            r => (int)r.GetInt64Any(0),
            cancellationToken).ConfigureAwait(false);
        _methodIds[method] = ids[0];
        return ids[0];
    }
}
