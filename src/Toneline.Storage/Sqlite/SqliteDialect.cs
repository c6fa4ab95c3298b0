using System.Data.Common;
using Microsoft.Data.Sqlite;
using Toneline.Storage.Database;

namespace Toneline.Storage.Sqlite;

/// <summary>SQLite: one file in WAL mode, FTS5 for full text.</summary>
internal sealed class SqliteDialect : StorageDialect
{
    private readonly string _connectionString;

    public SqliteDialect(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    public string Path { get; }

    public override string Name => "sqlite";

    public override string MigrationPrefix => "Toneline.Storage.Sqlite.Migrations.";

    // SQLite's default SQLITE_MAX_VARIABLE_NUMBER since 3.32 is 32766.
    public override int MaxParameters => 32000;

    // SQLite resolves each named parameter by a linear scan, so wide multi-row statements are
    // quadratic; an in-process prepared single-row insert is the fast path.
    public override int RowsPerInsert => 1;

    public override string FullTextKey => "rowid";

    public override RowShape FullTextRow { get; } = new("conversation_text", "rowid, transcript, explanation", 3);

    public override string SecondaryIndexesSql =>
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('conversations', 'conversation_topics') " +
        "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name";

    public override string IndexExistsSql => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = @name";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // WAL lets queries read while an import writes; NORMAL sync is durable across process kills
        // (only an OS crash can lose the last transactions), which is what resumable import needs.
        // A 32 MiB WAL between checkpoints (default 4 MiB) lets an import batch's index pages be
        // rewritten in the log instead of checkpointed to the file after every batch; the 128 MiB
        // cache holds the upper index levels of a million conversations.
        command.CommandText =
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 60000; PRAGMA wal_autocheckpoint = 8192; " +
            "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -131072; PRAGMA foreign_keys = ON;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    // A common word over a million conversations lists hundreds of thousands of rowids before the
    // first row of a page; probing FTS5 by rowid costs microseconds per conversation walked instead.
    // Counting matches is cheap in FTS5 (a doclist walk), so up to 5,000 of them are counted.
    public override (string Sql, long Above)? FullTextCommonness(TextTarget target, string parameter) =>
        ($"SELECT COUNT(*) FROM (SELECT 1 FROM conversation_text WHERE {Column(target)} MATCH {parameter} LIMIT 5001)", 5000);

    public override string FullTextCondition(TextTarget target, string parameter) =>
        $"c.conv_key IN (SELECT rowid FROM conversation_text WHERE {Column(target)} MATCH {parameter})";

    public override string FullTextProbe(TextTarget target, string parameter) =>
        $"EXISTS (SELECT 1 FROM conversation_text WHERE rowid = c.conv_key AND {Column(target)} MATCH {parameter})";

    private static string Column(TextTarget target) => target switch
    {
        TextTarget.Transcript => "transcript",
        TextTarget.Explanation => "explanation",
        _ => "conversation_text",
    };

    // Each word becomes a quoted FTS5 string, so user input can never be read as query syntax.
    public override string FullTextQuery(IReadOnlyList<string> words) =>
        string.Join(' ', words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    public override string Ordinal(string expression) => expression;

    // One parameter per value: a supervisor's groups are a handful, far below the parameter limit.
    public override string AnyOf(string column, IReadOnlyList<string> values, Func<object?, string> add) =>
        $"{column} IN ({string.Join(", ", values.Select(v => add(v)))})";

    public override string ValueList<T>(DbCommand command, string prefix, IReadOnlyList<T> values)
    {
        command.Add("@" + prefix, JsonValueList.Of(values));
        return $"(SELECT value FROM json_each(@{prefix}))";
    }

    // A unary plus is SQLite's documented way to keep a term from using an index.
    public override string NotIndexed(string expression) => "+" + expression;
}
