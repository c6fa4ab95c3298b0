using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Toneline.Web.Access;

/// <summary>Users and API keys, in two tables of the conversation database that only the web app uses.</summary>
/// <remarks>
/// The tables are created here with <c>CREATE TABLE IF NOT EXISTS</c> rather than by a storage
/// migration, so the web app's access data stays out of the storage schema and its numbering.
/// The SQL is the subset SQLite and PostgreSQL share.
/// </remarks>
internal sealed class UserStore : IAsyncDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS web_users (
            name TEXT PRIMARY KEY,
            password_hash TEXT NOT NULL,
            role TEXT NOT NULL,
            groups TEXT NOT NULL,
            created_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS web_api_keys (
            key_hash TEXT PRIMARY KEY,
            user_name TEXT NOT NULL,
            label TEXT NOT NULL,
            created_at TEXT NOT NULL);
        """;

    private readonly Func<DbConnection> _connect;
    private readonly TimeProvider _time;

    private UserStore(Func<DbConnection> connect, TimeProvider time)
    {
        _connect = connect;
        _time = time;
    }

    public static async Task<UserStore> OpenAsync(string db, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        var sqlite = new SqliteConnectionStringBuilder { DataSource = db, DefaultTimeout = 30 }.ConnectionString;
        Func<DbConnection> connect = IsPostgres(db) ? () => new NpgsqlConnection(db) : () => new SqliteConnection(sqlite);
        var store = new UserStore(connect, time);
        await store.ExecuteAsync(Schema, [], cancellationToken).ConfigureAwait(false);
        return store;
    }

    // The same rule as the storage library's: a connection string with a host or database key.
    private static bool IsPostgres(string db) =>
        db.Contains(';', StringComparison.Ordinal)
        && new[] { "host=", "server=", "database=", "username=", "user id=" }.Any(k => db.Contains(k, StringComparison.OrdinalIgnoreCase));

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, "SELECT COUNT(*) FROM web_users");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public async Task<WebUser?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, "SELECT name, password_hash, role, groups FROM web_users WHERE name = @name");
        Add(command, "name", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<WebUser>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, "SELECT name, password_hash, role, groups FROM web_users ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var users = new List<WebUser>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            users.Add(Read(reader));
        }

        return users;
    }

    /// <summary>Creates the user or replaces their password, role and groups.</summary>
    public async Task SaveAsync(string name, string password, string role, IReadOnlyList<string> groups, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var delete = Command(connection, "DELETE FROM web_users WHERE name = @name");
        Add(delete, "name", name);
        await using var insert = Command(
            connection,
            "INSERT INTO web_users (name, password_hash, role, groups, created_at) VALUES (@name, @hash, @role, @groups, @at)");
        Add(insert, "name", name);
        Add(insert, "hash", PasswordHasher.Hash(password));
        Add(insert, "role", role);
        Add(insert, "groups", JsonSerializer.Serialize(groups));
        Add(insert, "at", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes a new API key for a user; only its hash is kept, so the key is shown once.</summary>
    public async Task<string> CreateApiKeyAsync(string userName, string label, CancellationToken cancellationToken)
    {
        var key = "tl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            "INSERT INTO web_api_keys (key_hash, user_name, label, created_at) VALUES (@hash, @user, @label, @at)");
        Add(command, "hash", KeyHash(key));
        Add(command, "user", userName);
        Add(command, "label", label);
        Add(command, "at", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return key;
    }

    public async Task<WebUser?> FindByApiKeyAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            "SELECT u.name, u.password_hash, u.role, u.groups FROM web_api_keys k JOIN web_users u ON u.name = k.user_name WHERE k.key_hash = @hash");
        Add(command, "hash", KeyHash(key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    // Keys are 192 random bits, so a plain SHA-256 is enough; no salt or stretching needed.
    private static string KeyHash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static WebUser Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(2),
        JsonSerializer.Deserialize<List<string>>(reader.GetString(3)) ?? [],
        reader.GetString(1));

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = _connect();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private async Task ExecuteAsync(string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, sql);
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }
}
