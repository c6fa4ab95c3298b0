using System.Data.Common;
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

    // Weight A marks transcript words and B explanation words, so one GIN index serves both targets.
    public override RowShape FullTextRow { get; } = new(
        "conversation_text",
        "conv_key, document",
        3,
        "({0}, setweight(to_tsvector('simple', {1}), 'A') || setweight(to_tsvector('simple', {2}), 'B'))");

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override string FullTextCondition(TextTarget target, string parameter)
    {
        var query = $"plainto_tsquery('simple', {parameter})";
        var exists = $"c.conv_key IN (SELECT t.conv_key FROM conversation_text t WHERE t.document @@ {query}";
        return target switch
        {
            TextTarget.Transcript => exists + $" AND ts_filter(t.document, '{{a}}') @@ {query})",
            TextTarget.Explanation => exists + $" AND ts_filter(t.document, '{{b}}') @@ {query})",
            _ => exists + ")",
        };
    }

    public override string FullTextQuery(IReadOnlyList<string> words) => string.Join(' ', words);

    public override string Ordinal(string expression) => $"({expression}) COLLATE \"C\"";

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
