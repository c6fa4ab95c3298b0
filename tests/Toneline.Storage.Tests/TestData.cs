using Toneline.Core.Conversations;
using Toneline.Storage.Ingestion;

namespace Toneline.Storage.Tests;

/// <summary>Builds conversations with ids and groups unique to the calling test.</summary>
internal static class TestData
{
    public static readonly DateOnly Today = new(2026, 3, 31);

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>A two-turn conversation whose customer ends as <paramref name="customerText"/> says.</summary>
    public static Conversation Conversation(
        string id, string group, string customerText, DateOnly? day = null, string agent = "a1", string[]? topics = null, string opening = "Hello, how can I help?", double duration = 120, Channel channel = Channel.Call)
    {
        var date = day ?? Today;
        return new Conversation(id, [new Turn(SpeakerRole.Agent, opening), new Turn(SpeakerRole.Customer, customerText)])
        {
            Group = group,
            Agent = new Agent(agent, agent.ToUpperInvariant()),
            CustomerId = "cust-" + id,
            StartTime = new DateTimeOffset(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero),
            DurationSeconds = duration,
            Topics = topics ?? ["billing"],
            Channel = channel,
            Direction = Direction.Inbound,
        };
    }

    public static async Task SaveAsync(ConversationDatabase database, params Conversation[] conversations)
    {
        var scorer = new FakeScorer();
        var batch = new List<ScoredConversation>();
        foreach (var conversation in conversations)
        {
            batch.Add(new ScoredConversation(conversation, await scorer.ScoreAsync(conversation)));
        }

        await database.Store.SaveAsync(batch);
    }
}
