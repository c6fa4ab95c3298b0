using Toneline.Core.Conversations;
using Toneline.Llm.Answers;
using Toneline.Llm.Tests.Fakes;

namespace Toneline.Llm.Tests.Answers;

public sealed class QuoteLocatorTests
{
    [Theory]
    [InlineData("I'm sorry about that", 2, 0, 20)]
    [InlineData("my bill is wrong again", 1, 0, 24)]
    [InlineData("\"Great, thank you\"", 3, 0, 16)]
    [InlineData("really annoyed.", 1, 34, 15)]
    [InlineData("REALLY annoyed!", 1, 34, 14)]
    public void Locate_ExactOrLooseQuote_PointsIntoTheOriginalText(string quote, int turn, int start, int length)
    {
        var found = QuoteLocator.Locate(Conversations.Billing(), quote, SpeakerRole.Customer);

        Assert.Equal(new LocatedQuote(turn, start, length), found);
    }

    [Fact]
    public void Locate_QuoteInBothSpeakers_PrefersTheQuotingSpeaker()
    {
        var conversation = new Conversation("c", [new Turn(SpeakerRole.Agent, "thanks a lot"), new Turn(SpeakerRole.Customer, "thanks a lot")]);

        Assert.Equal(1, QuoteLocator.Locate(conversation, "thanks a lot", SpeakerRole.Customer)?.TurnIndex);
        Assert.Equal(0, QuoteLocator.Locate(conversation, "thanks a lot", SpeakerRole.Agent)?.TurnIndex);
    }

    [Theory]
    [InlineData("I want a refund")]
    [InlineData("  ")]
    public void Locate_QuoteNotInTheTranscript_IsNull(string quote) =>
        Assert.Null(QuoteLocator.Locate(Conversations.Billing(), quote, SpeakerRole.Customer));
}
