using Toneline.Storage.Database;

namespace Toneline.Storage.Sqlite;

/// <summary>
/// Sets aside the secondary indexes of the conversation tables during a large import and rebuilds
/// them at its end: SQLite builds an index by sorting the table once, far faster than inserting a
/// million rows one at a time into nine B-trees whose pages no longer fit in the cache.
/// </summary>
/// <remarks>
/// The definitions are taken from the schema as it stands and saved in <c>deferred_indexes</c> in the
/// same transaction that drops them, so an import that is killed loses nothing: the next open of
/// the database rebuilds them. Unique indexes (the upsert's key) are never touched. Searches that run
/// while the indexes are set aside return the same rows, only more slowly.
/// </remarks>
internal static class SqliteDeferredIndexes
{
    private const string Tables = "('conversations', 'conversation_topics')";

    public static async Task<bool> DeferAsync(SqliteDialect dialect, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var indexes = await connection.QueryAsync(
            transaction,
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN " + Tables +
            " AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name",
            [],
            r => (Name: r.GetString(0), Sql: r.GetString(1)),
            cancellationToken).ConfigureAwait(false);
        if (indexes.Count == 0)
        {
            return false;
        }

        foreach (var (name, sql) in indexes)
        {
            await connection.ExecuteAsync(
                transaction,
                "INSERT OR REPLACE INTO deferred_indexes (name, sql) VALUES (@name, @sql)",
                cancellationToken,
                ("@name", name),
                ("@sql", sql)).ConfigureAwait(false);
            await connection.ExecuteAsync(transaction, $"DROP INDEX IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public static async Task RestoreAsync(SqliteDialect dialect, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var pending = await connection.QueryAsync(
            null,
            "SELECT d.name, d.sql, EXISTS (SELECT 1 FROM sqlite_master m WHERE m.type = 'index' AND m.name = d.name) FROM deferred_indexes d ORDER BY d.name",
            [],
            r => (Name: r.GetString(0), Sql: r.GetString(1), Exists: r.GetInt64Any(2) != 0),
            cancellationToken).ConfigureAwait(false);
        foreach (var (name, sql, exists) in pending)
        {
            // One index per transaction: a rebuild interrupted here resumes with the indexes still listed.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (!exists)
            {
                await connection.ExecuteAsync(transaction, sql, cancellationToken).ConfigureAwait(false);
            }

            await connection.ExecuteAsync(transaction, "DELETE FROM deferred_indexes WHERE name = @name", cancellationToken, ("@name", name)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
