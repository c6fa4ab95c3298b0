using System.Collections.Concurrent;

namespace Toneline.Storage.Tests;

/// <summary>
/// The providers every storage test runs on: SQLite always, PostgreSQL when TONELINE_TEST_POSTGRES
/// holds a connection string. Each provider's database is created and migrated once per run and
/// shared, so tests scope their assertions to data they made.
/// </summary>
internal static class TestDatabases
{
    public const string PostgresVariable = "TONELINE_TEST_POSTGRES";

    private static readonly ConcurrentDictionary<string, Lazy<Task<ConversationDatabase>>> Databases = new();

    public static TheoryData<string> Providers
    {
        get
        {
            var providers = new TheoryData<string> { "sqlite" };
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)))
            {
                providers.Add("postgres");
            }

            return providers;
        }
    }

    public static Task<ConversationDatabase> OpenAsync(string provider) =>
        Databases.GetOrAdd(provider, p => new Lazy<Task<ConversationDatabase>>(() => CreateAsync(p))).Value;

    private static async Task<ConversationDatabase> CreateAsync(string provider)
    {
        var db = provider switch
        {
            "sqlite" => Path.Combine(Path.GetTempPath(), $"toneline-tests-{Guid.NewGuid():N}.db"),
            "postgres" => Environment.GetEnvironmentVariable(PostgresVariable)!,
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider."),
        };
        return await ConversationDatabase.OpenAndMigrateAsync(db, new FixedTime(TestData.Today)).ConfigureAwait(false);
    }
}
