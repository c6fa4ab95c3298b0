using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Toneline.Storage.Database;
using Toneline.Storage.Ingestion;
using Toneline.Storage.Postgres;
using Toneline.Storage.Queries;
using Toneline.Storage.Sqlite;

namespace Toneline.Storage;

/// <summary>A Toneline database: a SQLite file or a PostgreSQL server, with its store and query service.</summary>
public sealed class ConversationDatabase : IAsyncDisposable
{
    private readonly StorageDialect _dialect;
    private readonly Migrator _migrator;

    private ConversationDatabase(StorageDialect dialect, TimeProvider time, ILoggerFactory loggerFactory)
    {
        _dialect = dialect;
        _migrator = new Migrator(dialect, time, loggerFactory.CreateLogger<ConversationDatabase>());
        Store = new ConversationStore(dialect, time);
        Queries = new ConversationQueries(dialect, time);
    }

    /// <summary>The provider: <c>sqlite</c> or <c>postgres</c>.</summary>
    public string Provider => _dialect.Name;

    public IConversationStore Store { get; }

    /// <summary>The provider's SQL differences, for tests that write rows as older versions did.</summary>
    internal StorageDialect Dialect => _dialect;

    public IConversationQueries Queries { get; }

    /// <summary>
    /// Opens <paramref name="db"/>: a PostgreSQL connection string (<c>Host=...;Database=...</c>) or
    /// a SQLite file path, created on first use.
    /// </summary>
    public static ConversationDatabase Open(string db, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        StorageDialect dialect = ConnectionTarget.IsPostgres(db) ? new PostgresDialect(db) : new SqliteDialect(db);
        return new ConversationDatabase(dialect, time ?? TimeProvider.System, loggerFactory ?? NullLoggerFactory.Instance);
    }

    /// <summary>Opens the database and applies pending migrations.</summary>
    public static async Task<ConversationDatabase> OpenAndMigrateAsync(
        string db, TimeProvider? time = null, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        var database = Open(db, time, loggerFactory);
        try
        {
            await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return database;
        }
        catch
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Applies the provider's pending migrations; returns the names of those applied.</summary>
    /// <remarks>Also rebuilds indexes that an import set aside and could not restore (it was killed).</remarks>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var applied = await _migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await _dialect.RestoreIndexesAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dialect is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync().ConfigureAwait(false);
        }
    }
}
