using System.Data.Common;
using System.Text;
using Toneline.Storage.Database;

namespace Toneline.Storage.Ingestion;

internal sealed partial class ConversationStore
{
    public async Task SaveAsync(IReadOnlyList<ScoredConversation> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }

        // The last occurrence of an id wins, as if the batch had been saved one by one.
        var items = batch
            .Select((item, index) => (item, index))
            .GroupBy(x => x.item.Conversation.Id, StringComparer.Ordinal)
            .Select(g => g.Last().item)
            .ToList();

        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var methodIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            methodIds[item.Conversation.Id] = await MethodIdAsync(connection, item.Score.Method, cancellationToken).ConfigureAwait(false);
        }

        var hashes = items.ToDictionary(i => i.Conversation.Id, i => ContentHash.Of(i.Conversation), StringComparer.Ordinal);
        var ids = items.Select(i => i.Conversation.Id).ToList();
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var existing = await KeysAsync(connection, transaction, ids, withHash: true, cancellationToken).ConfigureAwait(false);
        if (existing.Count > 0)
        {
            await ApplyRollupsAsync(connection, transaction, [.. existing.Values.Select(v => v.Key)], -1, cancellationToken).ConfigureAwait(false);
            await RemoveReplacedAsync(connection, transaction, existing, hashes, methodIds, cancellationToken).ConfigureAwait(false);
        }

        var conversationRows = items.Select(i => ConversationValues(i, hashes[i.Conversation.Id], methodIds[i.Conversation.Id], now)).ToList();
        await connection.InsertRowsAsync(transaction, _dialect, ConversationRow, conversationRows, cancellationToken, ConversationUpsert).ConfigureAwait(false);

        var keys = await KeysAsync(connection, transaction, ids, withHash: false, cancellationToken).ConfigureAwait(false);
        var topics = new List<object?[]>();
        var turns = new List<object?[]>();
        var scores = new List<object?[]>();
        var text = new List<object?[]>();
        var negativePhrases = new List<object?[]>();
        foreach (var (conversation, score) in items)
        {
            var key = keys[conversation.Id].Key;
            var method = methodIds[conversation.Id];
            foreach (var topic in conversation.Topics.Distinct(StringComparer.Ordinal))
            {
                topics.Add([key, topic]);
            }

            var transcript = new StringBuilder();
            for (var t = 0; t < conversation.Turns.Count; t++)
            {
                var turn = conversation.Turns[t];
                turns.Add([key, t, (int)turn.Role, turn.SpeakerName, turn.Text, turn.Start, turn.End]);
                transcript.Append(turn.Text).Append('\n');
            }

            scores.Add([
                key, method, score.Overall.Score, score.Agent?.Score, score.Customer?.Score, (int)score.Shift, score.TurningPointTurn,
                score.Resolved, (int)score.RoleSource, score.Explanation, StoredValues.Trend(score.Trend), now, ScoreDetails.Write(score)]);
            foreach (var phrase in score.Highlights.Where(h => h.Weight < 0).Select(h => StoredValues.Phrase(h.Text)).Distinct(StringComparer.Ordinal))
            {
                negativePhrases.Add([key, phrase]);
            }

            text.Add([key, transcript.ToString(), score.Explanation]);
        }

        await connection.InsertRowsAsync(transaction, _dialect, TopicRow, topics, cancellationToken).ConfigureAwait(false);
        await connection.InsertRowsAsync(transaction, _dialect, TurnRow, turns, cancellationToken).ConfigureAwait(false);
        await connection.InsertRowsAsync(transaction, _dialect, ScoreRow, scores, cancellationToken).ConfigureAwait(false);
        await connection.InsertRowsAsync(transaction, _dialect, NegativePhraseRow, negativePhrases, cancellationToken).ConfigureAwait(false);
        await connection.InsertRowsAsync(transaction, _dialect, _dialect.FullTextRow, text, cancellationToken).ConfigureAwait(false);
        await ApplyRollupsAsync(connection, transaction, [.. keys.Values.Select(v => v.Key)], 1, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static object?[] ConversationValues(ScoredConversation item, string hash, int methodId, long now)
    {
        var (c, s) = item;
        return [
            c.Id, hash, (int)c.Channel, (int)c.Direction, c.StartTime?.ToUnixTimeMilliseconds() ?? 0L,
            c.StartTime is { } start ? StoredValues.Day(start) : (int?)null, c.DurationSeconds, c.Agent?.Id, c.Agent?.Name, c.Group,
            c.CustomerId, c.Topics.Count > 0 ? c.Topics[0] : null, StoredValues.Topics(c.Topics), c.Language, (int)c.RoleSource,
            StoredValues.Fields(c.CustomFields), c.Turns.Count, methodId, s.Overall.Score, (int)s.Overall.Band, s.Agent?.Score,
            (int?)s.Agent?.Band, s.Customer?.Score, (int?)s.Customer?.Band, (int)s.Shift, s.Resolved, now,
        ];
    }

    private async Task<Dictionary<string, (long Key, string? Hash)>> KeysAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<string> ids, bool withHash, CancellationToken cancellationToken)
    {
        var keys = new Dictionary<string, (long, string?)>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(1000))
        {
            await using var command = connection.CreateCommand(transaction, string.Empty);
            command.CommandText = (withHash ? "SELECT id, conv_key, content_hash" : "SELECT id, conv_key, NULL") +
                " FROM conversations WHERE id IN " + _dialect.ValueList(command, "i", chunk);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                keys[reader.GetString(0)] = (reader.GetInt64Any(1), reader.GetStringOrNull(2));
            }
        }

        return keys;
    }

    // Turns, topics, negative phrases and full text are rewritten on every save; scores by the saved method always
    // go, and scores by other methods go too when the content changed under them.
    private async Task RemoveReplacedAsync(
        DbConnection connection,
        DbTransaction transaction,
        Dictionary<string, (long Key, string? Hash)> existing,
        Dictionary<string, string> hashes,
        Dictionary<string, int> methodIds,
        CancellationToken cancellationToken)
    {
        var allKeys = existing.Values.Select(v => v.Key).ToList();
        var changed = existing.Where(e => e.Value.Hash != hashes[e.Key]).Select(e => e.Value.Key).ToList();
        var sameMethod = existing.Where(e => e.Value.Hash == hashes[e.Key]).Select(e => (e.Value.Key, Method: methodIds[e.Key])).ToList();

        foreach (var chunk in allKeys.Chunk(1000))
        {
            foreach (var table in new[] { "turns", "conversation_topics", "negative_phrases", _dialect.FullTextRow.Table })
            {
                var key = table == _dialect.FullTextRow.Table ? _dialect.FullTextKey : "conv_key";
                await using var command = connection.CreateCommand(transaction, string.Empty);
                command.CommandText = $"DELETE FROM {table} WHERE {key} IN " + _dialect.ValueList(command, "k", chunk);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var chunk in changed.Chunk(1000))
        {
            await DeleteScoresAsync(connection, transaction, "conv_key IN {0}", chunk, cancellationToken).ConfigureAwait(false);
        }

        foreach (var group in sameMethod.GroupBy(x => x.Method))
        {
            foreach (var chunk in group.Select(x => x.Key).Chunk(1000))
            {
                await DeleteScoresAsync(connection, transaction, "method_id = @method AND conv_key IN {0}", chunk, cancellationToken, group.Key).ConfigureAwait(false);
            }
        }
    }

    private async Task DeleteScoresAsync(
        DbConnection connection, DbTransaction transaction, string condition, IReadOnlyList<long> keys, CancellationToken cancellationToken, int? method = null)
    {
        // Child rows are deleted explicitly rather than by cascade: it is one statement per table
        // instead of one trigger per row.
        foreach (var table in new[] { "turn_scores", "highlights", "emotions", "scores" })
        {
            await using var command = connection.CreateCommand(transaction, string.Empty);
            if (method is { } m)
            {
                command.Add("@method", m);
            }

            command.CommandText = $"DELETE FROM {table} WHERE " + string.Format(System.Globalization.CultureInfo.InvariantCulture, condition, _dialect.ValueList(command, "k", keys));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
