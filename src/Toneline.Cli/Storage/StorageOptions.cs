using System.CommandLine;

namespace Toneline.Cli.Storage;

/// <summary>Options every storage verb shares.</summary>
internal static class StorageOptions
{
    public const string DefaultDb = "toneline.db";

    public static Option<string> Db() => new("--db")
    {
        Description = "A SQLite file path, or a PostgreSQL connection string (Host=...;Database=...;Username=...).",
        DefaultValueFactory = _ => DefaultDb,
    };

    public static Option<bool> Json() => new("--json") { Description = "Write JSON instead of a table." };
}
