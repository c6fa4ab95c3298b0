using Toneline.Core.Conversations;
using Toneline.Core.Formats;

namespace Toneline.Core.Tests.Formats;

public sealed class TextDialogueReaderTests
{
    [Fact]
    public void Read_HeaderStampsAndContinuations_BuildsTurns()
    {
        const string Text = """
            # id: c-001
            # channel: call
            # agent: Dana
            # topics: billing; refund
            # a plain comment
            # sla: gold

            [00:00:01] Dana: Thank you for calling Northwind, this is Dana.
            [00:05] Customer: Hi. I was billed twice
            for the same order.

            [01:02:03.5] Dana: Let me check that for you.
            """;

        var conversation = Reading.One(Text, "call.txt");

        Assert.Equal("c-001", conversation.Id);
        Assert.Equal(Channel.Call, conversation.Channel);
        Assert.Equal("Dana", conversation.Agent!.Name);
        Assert.Equal(["billing", "refund"], conversation.Topics);
        Assert.Equal("gold", conversation.CustomFields["sla"]);
        Assert.Equal(3, conversation.Turns.Count);
        Assert.Equal("Hi. I was billed twice\nfor the same order.", conversation.Turns[1].Text);
        Assert.Equal([1.0, 5.0, 3723.5], conversation.Turns.Select(t => t.Start!.Value));
        Assert.Equal([SpeakerRole.Agent, SpeakerRole.Customer, SpeakerRole.Agent], conversation.Turns.Select(t => t.Role));
        Assert.Equal(RoleSource.Input, conversation.RoleSource);
        Assert.Equal(3723.5, conversation.DurationSeconds);
    }

    [Fact]
    public void Read_NoStamps_IsChatNamedAfterFile()
    {
        var conversation = Reading.One("Agent: Hello!\nCustomer: Hi — ça va? 👋\n", "chats/c-77.txt");

        Assert.Equal("c-77", conversation.Id);
        Assert.Equal(Channel.Chat, conversation.Channel);
        Assert.Equal("Hi — ça va? 👋", conversation.Turns[1].Text);
    }

    [Fact]
    public void Read_ColonsInsideText_DoNotStartTurns()
    {
        var conversation = Reading.One("Agent: See https://example.com/help at 10:30\nCustomer: OK: done", "t.txt");

        Assert.Equal("See https://example.com/help at 10:30", conversation.Turns[0].Text);
        Assert.Equal("OK: done", conversation.Turns[1].Text);
    }

    [Fact]
    public void Read_NamesOnly_UsesHeuristic()
    {
        const string Text = """
            Sam: hi my internet is down again
            Priya: Thanks for contacting Contoso support. How can I help?
            Sam: it keeps dropping
            Priya: Let me check your line.
            """;

        var conversation = Reading.One(Text, "t.txt");

        Assert.Equal(RoleSource.Heuristic, conversation.RoleSource);
        Assert.Equal([SpeakerRole.Customer, SpeakerRole.Agent, SpeakerRole.Customer, SpeakerRole.Agent], conversation.Turns.Select(t => t.Role));
    }

    [Fact]
    public void Read_AgentNameOption_MapsRoles()
    {
        var conversation = Reading.One("Sam: hello\nPriya: hi\nLee: joining", "t.txt", new ReadOptions { AgentName = "priya" });

        Assert.Equal(RoleSource.Mapping, conversation.RoleSource);
        Assert.Equal([SpeakerRole.Customer, SpeakerRole.Agent, SpeakerRole.Other], conversation.Turns.Select(t => t.Role));
    }

    [Fact]
    public void Read_ProseWithoutSpeakers_NamesFirstLine()
    {
        var error = Reading.Error("\n\nthis is not a transcript\nAgent: hi", "notes.txt");

        Assert.Equal(3, error.Line);
        Assert.Contains("expected a turn such as 'Agent: Hello'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadHeaderValue_NamesHeader()
    {
        var error = Reading.Error("# start_time: yesterday\nAgent: hi", "t.txt");

        Assert.Equal("t.txt:1: # start_time: expected an ISO 8601 date and time such as 2025-03-04T09:15:00Z, got 'yesterday'", error.ToString());
    }

    [Fact]
    public void Read_OnlyHeaders_HasNoTurns()
    {
        var error = Reading.Error("# id: x\n", "t.txt");

        Assert.Contains("has no turns", error.Message, StringComparison.Ordinal);
    }
}
