using Toneline.Core.Formats;
using Toneline.Storage.Ingestion;
using Toneline.Storage.Queries;

namespace Toneline.Storage.Tests.Ingestion;

public sealed class ConversationImporterTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_BadConversations_AreReportedWithWhereAndWhyAndTheRestIsStored(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var group = TestData.Unique("g");
        ReadResult[] input =
        [
            ReadResult.Success(TestData.Conversation(TestData.Unique("ok"), group, "great")),
            ReadResult.Failure(new ReadError("calls.jsonl", 2, "turns", "expected an array")),
            ReadResult.Success(TestData.Conversation(TestData.Unique("boom"), group, "this will explode")),
            ReadResult.Success(TestData.Conversation(TestData.Unique("ok"), group, "awful")),
        ];
        var importer = new ConversationImporter(database.Store, new FakeScorer(), new ImportOptions { BatchSize = 2 });

        var summary = await importer.ImportAsync(input);

        Assert.Equal(4, summary.Read);
        Assert.Equal(2, summary.Stored);
        Assert.Equal(2, summary.Failed);
        Assert.Contains(summary.Failures, f => f.ToString() == "calls.jsonl:2: turns: expected an array");
        Assert.Contains(summary.Failures, f => f.ConversationId?.StartsWith("boom", StringComparison.Ordinal) == true && f.Message.Contains("refuses", StringComparison.Ordinal));
        Assert.Equal(2, (await database.Queries.KpisAsync(new ConversationFilter { Group = group })).Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_RunAgain_SkipsWhatIsAlreadyStoredUnchanged(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var group = TestData.Unique("g");
        var conversations = Enumerable.Range(0, 25).Select(i => TestData.Conversation(TestData.Unique("re"), group, i % 2 == 0 ? "great" : "awful")).ToList();
        var scorer = new FakeScorer();
        var importer = new ConversationImporter(database.Store, scorer, new ImportOptions { BatchSize = 10 });
        await importer.ImportAsync(conversations.Take(12));

        var progress = new List<ImportProgress>();
        var summary = await importer.ImportAsync(conversations, new SynchronousProgress(progress));

        Assert.Equal(12, summary.Unchanged);
        Assert.Equal(13, summary.Stored);
        Assert.Equal(25, scorer.Calls);
        Assert.Equal(25, (await database.Queries.KpisAsync(new ConversationFilter { Group = group })).Count);
        Assert.Equal(25, progress[^1].Read);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Rescore_WithANewMethod_ScoresEachConversationOnceEvenWhenRunTwice(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var group = TestData.Unique("g");
        await TestData.SaveAsync(database, [.. Enumerable.Range(0, 7).Select(i => TestData.Conversation(TestData.Unique("rs"), group, "great"))]);
        var scorer = new FakeScorer("2");
        var importer = new ConversationImporter(database.Store, scorer, new ImportOptions { BatchSize = 3 });

        var first = await importer.RescoreAsync(group);
        var second = await importer.RescoreAsync(group);

        Assert.Equal(7, first.Stored);
        Assert.Equal(0, second.Stored);
        var page = await database.Queries.SearchAsync(new SearchRequest(new ConversationFilter { Group = group }));
        Assert.All(page.Items, i => Assert.Equal("fake/2/h0", i.Method));
    }

    private sealed class SynchronousProgress(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
