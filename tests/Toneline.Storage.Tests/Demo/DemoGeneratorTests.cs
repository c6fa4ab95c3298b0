using Toneline.Storage.Demo;
using Toneline.Storage.Ingestion;

namespace Toneline.Storage.Tests.Demo;

public sealed class DemoGeneratorTests
{
    private static readonly DemoOptions Options = new() { Conversations = 300, Days = 30, Seed = 5, EndDate = new DateOnly(2026, 3, 31) };

    [Fact]
    public void Generate_SameSeed_WritesTheSameConversations()
    {
        var first = new DemoGenerator(Options).Generate().Select(ContentHash.Of).ToList();
        var second = new DemoGenerator(Options).Generate().Select(ContentHash.Of).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_OtherSeed_WritesOtherConversations()
    {
        var first = new DemoGenerator(Options).Generate().Select(ContentHash.Of);
        var other = new DemoGenerator(Options with { Seed = 6 }).Generate().Select(ContentHash.Of);

        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Generate_SpreadsConversationsOverTheRangeWithMetadata()
    {
        var conversations = new DemoGenerator(Options).Generate().ToList();

        Assert.Equal(300, conversations.Count);
        Assert.All(conversations, c =>
        {
            var day = DateOnly.FromDateTime(c.StartTime!.Value.UtcDateTime);
            Assert.InRange(day, Options.EndDate.AddDays(-29), Options.EndDate);
            Assert.NotNull(c.Agent);
            Assert.NotNull(c.Group);
            Assert.NotEmpty(c.Topics);
            Assert.InRange(c.Turns.Count, 11, 15);
        });
        Assert.True(conversations.Select(c => c.Group).Distinct().Count() >= 5);
    }
}
