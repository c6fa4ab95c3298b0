namespace Toneline.Storage.Database;

/// <summary>Tells a PostgreSQL connection string from a SQLite file path.</summary>
internal static class ConnectionTarget
{
    private static readonly string[] PostgresKeys = ["host=", "server=", "database=", "username=", "user id="];

    /// <summary>Whether <paramref name="db"/> names a PostgreSQL server rather than a SQLite file.</summary>
    public static bool IsPostgres(string db) =>
        (db.Contains(';', StringComparison.Ordinal) && PostgresKeys.Any(k => db.Contains(k, StringComparison.OrdinalIgnoreCase)));
}
