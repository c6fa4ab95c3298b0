using Toneline.Core.Conversations;

namespace Toneline.Core.Tests.Formats;

public sealed class CsvConversationReaderTests
{
    private const string Csv = """
        conversation_id,speaker,text,start,end,channel,agent_name,topics,start_time,csat
        c1,Agent,"Thanks for calling, how can I help?",0,3.5,call,Dana,billing;refund,2025-03-04T09:15:00Z,5
        c2,customer,"Hi, my parcel is late 📦",0,2,chat,,delivery,,
        c1,Customer,"I was charged ""twice"",
        see attached",4,9.25,,,,,
        c2,agent,Sorry about that!,3,4,,,,,
        """;

    [Fact]
    public void Read_InterleavedRows_GroupsByConversationInFileOrder()
    {
        var results = Reading.All(Csv, "turns.csv");

        Assert.Equal(["c1", "c2"], results.Select(r => r.Conversation!.Id));
        var c1 = results[0].Conversation!;
        Assert.Equal("I was charged \"twice\",\nsee attached", c1.Turns[1].Text);
        Assert.Equal(9.25, c1.DurationSeconds);
        Assert.Equal(Channel.Call, c1.Channel);
        Assert.Equal("Dana", c1.Agent!.Name);
        Assert.Equal(["billing", "refund"], c1.Topics);
        Assert.Equal("5", c1.CustomFields["csat"]);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 15, 0, TimeSpan.Zero), c1.StartTime);
        var c2 = results[1].Conversation!;
        Assert.Equal(Channel.Chat, c2.Channel);
        Assert.Equal("Hi, my parcel is late 📦", c2.Turns[0].Text);
        Assert.Equal([SpeakerRole.Customer, SpeakerRole.Agent], c2.Turns.Select(t => t.Role));
    }

    [Fact]
    public void Read_BadRow_FailsOnlyItsConversation()
    {
        const string Bad = """
            conversation_id,role,text,start
            a,agent,Hello,0
            b,agent,Hi,zero
            a,customer,Hey,1
            b,customer,Yo,2
            c,customer,"too",many,fields
            """;

        var results = Reading.All(Bad, "bad.csv");

        Assert.Equal(3, results.Count);
        Assert.Equal(2, results[0].Conversation!.Turns.Count);
        Assert.Equal("bad.csv:3: start: expected seconds such as 12.5 or a stamp such as 00:01:23, got 'zero'", results[1].Error!.ToString());
        Assert.Equal(6, results[2].Error!.Line);
        Assert.Contains("expected 4 fields", results[2].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingTextColumn_NamesHeader()
    {
        var error = Reading.Error("conversation_id,speaker,message_body\nx,agent,hi\n", "h.csv");

        Assert.Equal("header", error.Field);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Read_NoConversationIdColumn_IsOneConversationNamedAfterFile()
    {
        var conversation = Reading.One("speaker,text\nDana,Thank you for calling!\nSam,hello\n", "single.csv");

        Assert.Equal("single", conversation.Id);
        Assert.Equal(RoleSource.Heuristic, conversation.RoleSource);
        Assert.Equal(SpeakerRole.Agent, conversation.Turns[0].Role);
    }

    [Fact]
    public void Read_UnclosedQuote_FailsThatConversation()
    {
        var results = Reading.All("conversation_id,speaker,text\nok,agent,fine\nbroken,agent,\"never closed\n", "q.csv");

        Assert.Equal("ok", results[0].Conversation!.Id);
        Assert.Equal(3, results[1].Error!.Line);
        Assert.Contains("not closed", results[1].Error!.Message, StringComparison.Ordinal);
    }
}
