using System.Data.Common;
using System.Text;
using Npgsql;
using Toneline.Storage.Database;

namespace Toneline.Storage.Postgres;

/// <summary>PostgreSQL: a tsvector column with a GIN index for full text.</summary>
internal sealed class PostgresDialect : StorageDialect, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresDialect(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public override string Name => "postgres";

    public override string MigrationPrefix => "Toneline.Storage.Postgres.Migrations.";

    // The wire protocol carries at most 65535 parameters per statement.
    public override int MaxParameters => 60000;

    // Each statement is a network round trip, so rows travel in groups.
    public override int RowsPerInsert => 250;

    public override string FullTextKey => "conv_key";

    public override string SecondaryIndexesSql =>
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() " +
        "AND tablename IN ('conversations', 'conversation_topics') AND indexdef NOT LIKE 'CREATE UNIQUE%' ORDER BY indexname";

    public override string IndexExistsSql => "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = @name";

    // DROP INDEX takes each table's exclusive lock as it comes; a writer between the two drops that holds
    // conversations and waits for conversation_topics deadlocks with it. Both locks up front, conversations
    // first as every save reads it first, make the drop wait for writers instead.
    public override string? LockConversationTablesSql => "LOCK TABLE conversations, conversation_topics IN ACCESS EXCLUSIVE MODE";

    // Weight A marks transcript words and B explanation words, so one GIN index serves both targets.
    public override RowShape FullTextRow { get; } = new(
        "conversation_text",
        "conv_key, document",
        3,
        "({0}, setweight(to_tsvector('simple', {1}), 'A') || setweight(to_tsvector('simple', {2}), 'B'))");

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override string FullTextCondition(TextTarget target, string parameter) =>
        $"c.conv_key IN (SELECT t.conv_key FROM conversation_text t WHERE {Matches(target, $"plainto_tsquery('simple', {parameter})")})";

    public override string FullTextQuery(IReadOnlyList<string> words) => string.Join(' ', words);

    // A search page sorted by an index is planned as a walk down that index checking each row, which
    // is right for common words and walks the whole table for words that (almost) never occur: the
    // planner cannot know how many conversations have all the words. Counting every match costs a
    // full GIN bitmap for a common word, so the newest 2,000 documents are checked instead: 20 or more
    // (1%) and the walk finds a page within a few thousand rows; fewer, and the matches are fetched
    // as a list (an init plan the walk cannot replace) and sorted.
    public override (string Sql, long Above)? FullTextCommonness(TextTarget target, string parameter) =>
        ($"SELECT COUNT(*) FROM (SELECT t.document FROM conversation_text t ORDER BY t.conv_key DESC LIMIT 2000) t " +
         $"WHERE {Matches(target, $"plainto_tsquery('simple', {parameter})")}", 19);

    public override string FullTextFew(TextTarget target, string parameter)
    {
        var query = $"plainto_tsquery('simple', {parameter})";
        return $"c.conv_key = ANY(ARRAY(SELECT t.conv_key FROM conversation_text t WHERE {Matches(target, query)}))";
    }

    private static string Matches(TextTarget target, string query) => target switch
    {
        TextTarget.Transcript => $"t.document @@ {query} AND ts_filter(t.document, '{{a}}') @@ {query}",
        TextTarget.Explanation => $"t.document @@ {query} AND ts_filter(t.document, '{{b}}') @@ {query}",
        _ => $"t.document @@ {query}",
    };

    // One text[] parameter keeps the statement text (and its cached plan) the same for any number of groups.
    public override string AnyOf(string column, IReadOnlyList<string> values, Func<object?, string> add) =>
        $"{column} = ANY({add(values.ToArray())})";

    public override string Ordinal(string expression) => $"({expression}) COLLATE \"C\"";

    // COPY moves a batch's rows in one stream instead of a statement per 250 rows. Rows that may
    // conflict (the conversation upsert) go through a temporary staging table and one INSERT ... SELECT.
    // Text format lets the server parse each value into its column's type, so no shape carries types.
    // Shapes with a row template (the full-text document) keep their parameterized INSERT.
    public override async Task<bool> TryBulkInsertAsync(
        DbConnection connection, RowShape shape, IReadOnlyList<object?[]> rows, string? suffix, CancellationToken cancellationToken)
    {
        if (shape.Template is not null || connection is not NpgsqlConnection npgsql)
        {
            return false;
        }

        var target = shape.Table;
        if (suffix is not null)
        {
            target = "stage_" + shape.Table;
            await connection.ExecuteAsync(
                null,
                $"CREATE TEMP TABLE IF NOT EXISTS {target} ON COMMIT DELETE ROWS AS SELECT {shape.Columns} FROM {shape.Table} WITH NO DATA; DELETE FROM {target}",
                cancellationToken).ConfigureAwait(false);
        }

        var text = new StringBuilder();
        await using (var writer = await npgsql.BeginTextImportAsync($"COPY {target} ({shape.Columns}) FROM STDIN", cancellationToken).ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                CopyText.AppendRow(text, row);
                if (text.Length > 1 << 20)
                {
                    await writer.WriteAsync(text, cancellationToken).ConfigureAwait(false);
                    text.Clear();
                }
            }

            await writer.WriteAsync(text, cancellationToken).ConfigureAwait(false);
        }

        if (suffix is not null)
        {
            await connection.ExecuteAsync(
                null, $"INSERT INTO {shape.Table} ({shape.Columns}) SELECT {shape.Columns} FROM {target} {suffix}", cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
