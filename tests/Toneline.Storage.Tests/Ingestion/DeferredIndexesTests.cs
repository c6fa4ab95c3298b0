using Microsoft.Data.Sqlite;
using Toneline.Storage.Ingestion;
using Toneline.Storage.Queries;

namespace Toneline.Storage.Tests.Ingestion;

/// <summary>A large import sets the secondary indexes aside and always gets them back (SQLite files here; both providers for the mechanism).</summary>
public sealed class DeferredIndexesTests
{
    [Fact]
    public async Task Import_LargeNextToTheTable_EndsWithEveryIndexAndTheSameAnswers()
    {
        await using var database = await OpenFreshAsync();
        var before = await IndexesAsync(database);
        var group = TestData.Unique("g");
        var conversations = Enumerable.Range(0, 40).Select(i => TestData.Conversation(TestData.Unique("d"), group, i % 4 == 0 ? "awful" : "great")).ToList();
        var deferredSeen = new List<int>();
        var importer = new ConversationImporter(database.Store, new FakeScorer(), new ImportOptions { BatchSize = 10, DeferIndexesAfter = 10 });

        var summary = await importer.ImportAsync(conversations, new SynchronousProgress(_ => deferredSeen.Add(DeferredCount(database))));

        Assert.Equal(40, summary.Stored);
        Assert.Contains(deferredSeen, count => count > 0);
        Assert.Equal(before, await IndexesAsync(database));
        Assert.Equal(0, DeferredCount(database));
        var negative = await database.Queries.SearchAsync(new SearchRequest(new ConversationFilter { Group = group, MaxOverall = -20 }));
        Assert.Equal(10, negative.Items.Count);
    }

    [Fact]
    public async Task Import_SmallNextToTheTable_KeepsTheIndexes()
    {
        await using var database = await OpenFreshAsync();
        var group = TestData.Unique("g");
        await TestData.SaveAsync(database, [.. Enumerable.Range(0, 50).Select(_ => TestData.Conversation(TestData.Unique("old"), group, "great"))]);
        var deferredSeen = new List<int>();
        var importer = new ConversationImporter(database.Store, new FakeScorer(), new ImportOptions { BatchSize = 5, DeferIndexesAfter = 5 });

        await importer.ImportAsync(Enumerable.Range(0, 10).Select(_ => TestData.Conversation(TestData.Unique("new"), group, "great")), new SynchronousProgress(_ => deferredSeen.Add(DeferredCount(database))));

        Assert.All(deferredSeen, count => Assert.Equal(0, count));
    }

    [Fact]
    public async Task Import_CancelledWhileIndexesAreAside_RestoresThem()
    {
        await using var database = await OpenFreshAsync();
        var before = await IndexesAsync(database);
        using var cancel = new CancellationTokenSource();
        var importer = new ConversationImporter(database.Store, new FakeScorer(), new ImportOptions { BatchSize = 10, DeferIndexesAfter = 10 });
        var progress = new SynchronousProgress(p =>
        {
            if (DeferredCount(database) > 0)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => importer.ImportAsync(
            Enumerable.Range(0, 200).Select(_ => TestData.Conversation(TestData.Unique("c"), "g", "great")), progress, cancel.Token));

        Assert.Equal(before, await IndexesAsync(database));
        Assert.Equal(0, DeferredCount(database));
    }

    [Fact]
    public async Task Open_AfterAnImportWasKilledWithIndexesAside_RebuildsThem()
    {
        string path = Path.Combine(Path.GetTempPath(), $"toneline-deferred-{Guid.NewGuid():N}.db");
        List<string> before;
        await using (var database = await ConversationDatabase.OpenAndMigrateAsync(path))
        {
            before = await IndexesAsync(database);
            await TestData.SaveAsync(database, [TestData.Conversation(TestData.Unique("k"), "g", "great")]);

            // What a killed import leaves behind: the indexes dropped, their definitions saved.
            Assert.True(await database.Dialect.DeferIndexesAsync(CancellationToken.None));
            Assert.NotEqual(before, await IndexesAsync(database));
        }

        await using (var reopened = await ConversationDatabase.OpenAndMigrateAsync(path))
        {
            Assert.Equal(before, await IndexesAsync(reopened));
            Assert.Equal(0, DeferredCount(reopened));
            Assert.Equal(1, (await reopened.Store.CountAsync(null)).Total);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DeferThenRestore_OnEveryProvider_GivesBackTheSameIndexes(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var before = await SecondaryIndexesAsync(database);

        bool deferred = await database.Dialect.DeferIndexesAsync(CancellationToken.None);
        var aside = await SecondaryIndexesAsync(database);
        await database.Dialect.RestoreIndexesAsync(CancellationToken.None);

        Assert.True(deferred);
        Assert.NotEmpty(before);
        Assert.Empty(aside);
        Assert.Equal(before, await SecondaryIndexesAsync(database));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DeferAndRestore_WhileAnotherWriterSaves_NeitherFails(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var before = await SecondaryIndexesAsync(database);
        var group = TestData.Unique("g");
        using var stop = new CancellationTokenSource();
        var saved = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await TestData.SaveAsync(database, [.. Enumerable.Range(0, 5).Select(_ => TestData.Conversation(TestData.Unique("w"), group, "great"))]);
                Interlocked.Add(ref saved, 5);

                // A pause lets SQLite, which serializes writers, hand its lock to the index changes.
                await Task.Delay(2);
            }
        });

        var overlapped = 0;
        try
        {
            // Cycles until the writer has saved batches between them, so the two really overlap.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            for (var round = 0; round < 10 || (overlapped < 5 && DateTime.UtcNow < deadline); round++)
            {
                int savedBefore = Volatile.Read(ref saved);
                await database.Dialect.DeferIndexesAsync(CancellationToken.None);
                await database.Dialect.RestoreIndexesAsync(CancellationToken.None);
                overlapped += Volatile.Read(ref saved) - savedBefore > 0 ? 1 : 0;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }

        Assert.True(overlapped > 0);
        Assert.Equal(before, await SecondaryIndexesAsync(database));
        Assert.Equal(saved, (await database.Queries.SearchAsync(new SearchRequest(new ConversationFilter { Group = group }, Limit: 10_000))).Items.Count);
    }

    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static async Task<List<(string Name, string Sql)>> SecondaryIndexesAsync(ConversationDatabase database)
    {
        await using var connection = await database.Dialect.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = database.Dialect.SecondaryIndexesSql;
        var indexes = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        return indexes;
    }

    private static Task<ConversationDatabase> OpenFreshAsync() =>
        ConversationDatabase.OpenAndMigrateAsync(Path.Combine(Path.GetTempPath(), $"toneline-deferred-{Guid.NewGuid():N}.db"), new FixedTime(TestData.Today));

    private static async Task<List<string>> IndexesAsync(ConversationDatabase database)
    {
        await using var connection = await database.Dialect.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('conversations', 'conversation_topics') ORDER BY name";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static int DeferredCount(ConversationDatabase database)
    {
        var path = ((Sqlite.SqliteDialect)database.Dialect).Path;
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM deferred_indexes";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
