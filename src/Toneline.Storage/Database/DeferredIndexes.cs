namespace Toneline.Storage.Database;

/// <summary>
/// Sets aside the secondary indexes of the conversation tables during a large import and rebuilds
/// them at its end: a database builds an index by sorting the table once, far faster than inserting
/// a million rows one at a time into nine B-trees whose pages no longer fit in the cache.
/// </summary>
/// <remarks>
/// The definitions are taken from the schema as it stands and saved in <c>deferred_indexes</c> in the
/// same transaction that drops them, so an import that is killed loses nothing: the next open of
/// the database rebuilds them. Unique indexes (the upsert's key) are never touched. Searches that run
/// while the indexes are set aside return the same rows, only more slowly.
/// </remarks>
internal static class DeferredIndexes
{
    public static async Task<bool> DeferAsync(StorageDialect dialect, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (dialect.LockConversationTablesSql is { } lockTables)
        {
            await connection.ExecuteAsync(transaction, lockTables, cancellationToken).ConfigureAwait(false);
        }

        var indexes = await connection.QueryAsync(
            transaction, dialect.SecondaryIndexesSql, [], r => (Name: r.GetString(0), Sql: r.GetString(1)), cancellationToken).ConfigureAwait(false);
        if (indexes.Count == 0)
        {
            return false;
        }

        foreach (var (name, sql) in indexes)
        {
            await connection.ExecuteAsync(
                transaction,
                "INSERT INTO deferred_indexes (name, sql) VALUES (@name, @sql) ON CONFLICT (name) DO UPDATE SET sql = excluded.sql",
                cancellationToken,
                ("@name", name),
                ("@sql", sql)).ConfigureAwait(false);
            await connection.ExecuteAsync(transaction, $"DROP INDEX IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public static async Task RestoreAsync(StorageDialect dialect, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var pending = await connection.QueryAsync(
            null, "SELECT name, sql FROM deferred_indexes ORDER BY name", [], r => (Name: r.GetString(0), Sql: r.GetString(1)), cancellationToken).ConfigureAwait(false);
        foreach (var (name, sql) in pending)
        {
            // One index per transaction: a rebuild interrupted here resumes with the indexes still listed.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var exists = await connection.QueryAsync(
                transaction, dialect.IndexExistsSql, [("@name", name)], r => r.GetInt64Any(0), cancellationToken).ConfigureAwait(false);
            if (exists[0] == 0)
            {
                await connection.ExecuteAsync(transaction, sql, cancellationToken).ConfigureAwait(false);
            }

            await connection.ExecuteAsync(transaction, "DELETE FROM deferred_indexes WHERE name = @name", cancellationToken, ("@name", name)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
