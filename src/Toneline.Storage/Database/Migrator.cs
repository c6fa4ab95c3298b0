using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Toneline.Storage.Database;

/// <summary>Applies a provider's embedded, numbered SQL scripts that the database has not seen yet.</summary>
internal sealed partial class Migrator
{
    private readonly StorageDialect _dialect;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public Migrator(StorageDialect dialect, TimeProvider time, ILogger logger)
    {
        _dialect = dialect;
        _time = time;
        _logger = logger;
    }

    /// <summary>The provider's scripts in order: (version, name, sql).</summary>
    public IReadOnlyList<(int Version, string Name, string Sql)> Scripts()
    {
        var assembly = typeof(Migrator).Assembly;
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(_dialect.MigrationPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[_dialect.MigrationPrefix.Length..];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), NumberStyles.None, CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add((version, name, reader.ReadToEnd()));
        }

        return [.. scripts.OrderBy(s => s.Item1)];
    }

    /// <summary>Applies pending scripts, each in its own transaction; returns the names applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(
            null,
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms BIGINT NOT NULL)",
            cancellationToken).ConfigureAwait(false);

        var applied = new List<string>();
        foreach (var (version, name, sql) in Scripts())
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (_dialect.Name == "postgres")
            {
                // Two processes starting at once must not both apply a script.
                await connection.ExecuteAsync(transaction, "SELECT pg_advisory_xact_lock(72616)", cancellationToken).ConfigureAwait(false);
            }

            if (await IsAppliedAsync(connection, transaction, version, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            await connection.ExecuteAsync(transaction, sql, cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(
                transaction,
                "INSERT INTO schema_migrations (version, name, applied_ms) VALUES (@version, @name, @applied)",
                cancellationToken,
                ("@version", version),
                ("@name", name),
                ("@applied", _time.GetUtcNow().ToUnixTimeMilliseconds())).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            LogApplied(_logger, _dialect.Name, name);
            applied.Add(name);
        }

        return applied;
    }

    private static async Task<bool> IsAppliedAsync(DbConnection connection, DbTransaction transaction, int version, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, "SELECT COUNT(*) FROM schema_migrations WHERE version = @version");
        command.Add("@version", version);
        var count = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return count > 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Provider} migration {Migration}")]
    private static partial void LogApplied(ILogger logger, string provider, string migration);
}
