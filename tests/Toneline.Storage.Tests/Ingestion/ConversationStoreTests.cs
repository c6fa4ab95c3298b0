using Toneline.Core.Conversations;
using Toneline.Core.Scoring;
using Toneline.Storage.Ingestion;
using Toneline.Storage.Queries;

namespace Toneline.Storage.Tests.Ingestion;

public sealed class ConversationStoreTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Save_ThenGet_RoundTripsTheConversationAndItsScore(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var id = TestData.Unique("round");
        var conversation = TestData.Conversation(id, TestData.Unique("g"), "This was awful, really awful.", topics: ["billing", "refund"]) with
        {
            Language = "en",
            CustomFields = new Dictionary<string, string> { ["queue"] = "vip" },
        };
        await TestData.SaveAsync(database, conversation);

        var stored = await database.Store.GetAsync(id);

        Assert.NotNull(stored);
        Assert.Equal(id, stored.Conversation.Id);
        Assert.Equal(["billing", "refund"], stored.Conversation.Topics);
        Assert.Equal("vip", stored.Conversation.CustomFields["queue"]);
        Assert.Equal(conversation.StartTime, stored.Conversation.StartTime);
        Assert.Equal(conversation.Turns.Select(t => (t.Role, t.Text)), stored.Conversation.Turns.Select(t => (t.Role, t.Text)));
        var score = Assert.Single(stored.Scores);
        Assert.True(score.IsCurrent);
        Assert.Equal(-100, score.Overall);
        Assert.Equal(Shift.NeutralToNegative, score.Shift);
        Assert.Equal(2, score.Highlights.Count);
        Assert.Equal(2, score.Turns.Count);
        Assert.Equal(0.7, score.CustomerEmotions[Emotion.Frustration]);
        Assert.Equal(new ScoringMethod("fake", "1", "h0"), score.Method);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Get_UnknownId_ReturnsNull(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);

        Assert.Null(await database.Store.GetAsync(TestData.Unique("missing")));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Save_SameIdAgain_UpdatesInsteadOfDuplicating(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var group = TestData.Unique("g");
        var id = TestData.Unique("dup");
        await TestData.SaveAsync(database, TestData.Conversation(id, group, "awful"));
        await TestData.SaveAsync(database, TestData.Conversation(id, group, "great, thanks"), TestData.Conversation(id, group, "great, thanks a lot"));

        var page = await database.Queries.SearchAsync(new SearchRequest(new ConversationFilter { Group = group }));

        var hit = Assert.Single(page.Items);
        Assert.Equal(80, hit.Overall);
        var stored = await database.Store.GetAsync(id);
        Assert.Equal("great, thanks a lot", stored!.Conversation.Turns[1].Text);
        Assert.Single(stored.Scores);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Save_WithAnotherMethod_KeepsTheOlderScoreAndMakesTheNewOneCurrent(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var conversation = TestData.Conversation(TestData.Unique("two"), TestData.Unique("g"), "great");
        await TestData.SaveAsync(database, conversation);
        var second = new FakeScorer("2");
        await database.Store.SaveAsync([new ScoredConversation(conversation, await second.ScoreAsync(conversation))]);

        var stored = await database.Store.GetAsync(conversation.Id);

        Assert.Equal(2, stored!.Scores.Count);
        Assert.Equal("2", stored.Current!.Method.Version);
        Assert.Single(stored.Scores, s => !s.IsCurrent && s.Method.Version == "1");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task GetStates_ReturnsOnlyStoredIdsWithTheirCurrentMethod(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var stored = TestData.Conversation(TestData.Unique("state"), TestData.Unique("g"), "great");
        await TestData.SaveAsync(database, stored);

        var states = await database.Store.GetStatesAsync([stored.Id, TestData.Unique("absent")]);

        var state = Assert.Single(states.Values);
        Assert.Equal(stored.Id, state.Id);
        Assert.Equal(new ScoringMethod("fake", "1", "h0"), state.CurrentMethod);
        Assert.Equal(ContentHash.Of(stored), state.ContentHash);
    }
}
