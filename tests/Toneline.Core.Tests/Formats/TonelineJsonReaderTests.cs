using Toneline.Core.Conversations;

namespace Toneline.Core.Tests.Formats;

public sealed class TonelineJsonReaderTests
{
    private const string Full = """
        {
          "id": "c-001",
          "channel": "chat",
          "direction": "inbound",
          "start_time": "2025-03-04T09:15:00+01:00",
          "duration_seconds": 95.5,
          "agent": { "id": "a-17", "name": "Dana" },
          "group": "Billing",
          "customer_id": 4411,
          "topics": ["billing", "refund"],
          "language": "en",
          "custom_fields": { "queue": "priority", "csat": 4 },
          "turns": [
            { "speaker": "agent", "name": "Dana", "text": "Hi, how can I help?", "start": 0, "end": 2.5 },
            { "speaker": "customer", "text": "  I was charged twice 😡 — café fees?  ", "start": "00:00:03", "end": 7.25 }
          ]
        }
        """;

    [Fact]
    public void Read_FullConversation_ReadsAllMetadata()
    {
        var conversation = Reading.One(Full, "c.json");

        Assert.Equal("c-001", conversation.Id);
        Assert.Equal(Channel.Chat, conversation.Channel);
        Assert.Equal(Direction.Inbound, conversation.Direction);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 15, 0, TimeSpan.FromHours(1)), conversation.StartTime);
        Assert.Equal(95.5, conversation.DurationSeconds);
        Assert.Equal(new Agent("a-17", "Dana"), conversation.Agent);
        Assert.Equal("Billing", conversation.Group);
        Assert.Equal("4411", conversation.CustomerId);
        Assert.Equal(["billing", "refund"], conversation.Topics);
        Assert.Equal("en", conversation.Language);
        Assert.Equal("priority", conversation.CustomFields["queue"]);
        Assert.Equal("4", conversation.CustomFields["csat"]);
        Assert.Equal(RoleSource.Input, conversation.RoleSource);
    }

    [Fact]
    public void Read_Turns_KeepRolesTimesAndExactText()
    {
        var turns = Reading.One(Full, "c.json").Turns;

        Assert.Equal(SpeakerRole.Agent, turns[0].Role);
        Assert.Equal("Dana", turns[0].SpeakerName);
        Assert.Equal(2.5, turns[0].End);
        Assert.Equal(SpeakerRole.Customer, turns[1].Role);
        Assert.Equal("I was charged twice 😡 — café fees?", turns[1].Text);
        Assert.Equal(3, turns[1].Start);
    }

    [Fact]
    public void Read_DialogueShapeWithLabels_ReadsTurnsAndDerivesNothingElse()
    {
        const string Dialogue = """{"id":"d-9","turns":[{"speaker":"customer","text":"It broke again.","label":"negative"},{"speaker":"agent","text":"Sorry to hear that.","label":"neutral"}]}""";

        var conversation = Reading.One(Dialogue, "dialogue.json");

        Assert.Equal("d-9", conversation.Id);
        Assert.Equal([SpeakerRole.Customer, SpeakerRole.Agent], conversation.Turns.Select(t => t.Role));
        Assert.Null(conversation.DurationSeconds);
    }

    [Fact]
    public void Read_FlatAgentFieldsAndNoDuration_UsesThemAndLastTurnEnd()
    {
        const string Json = """{"agent_id":"a-2","agent_name":"Lee","turns":[{"speaker":"Lee","text":"Hello","start":0,"end":1.5},{"speaker":"Sam","text":"Hi","start":2,"end":4.75}]}""";

        var conversation = Reading.One(Json, "calls/flat.json");

        Assert.Equal("flat", conversation.Id);
        Assert.Equal(new Agent("a-2", "Lee"), conversation.Agent);
        Assert.Equal(4.75, conversation.DurationSeconds);
        Assert.Equal([SpeakerRole.Agent, SpeakerRole.Customer], conversation.Turns.Select(t => t.Role));
        Assert.Equal(RoleSource.Input, conversation.RoleSource);
    }

    [Fact]
    public void Read_WrongTypeInTurn_NamesFileLineAndField()
    {
        const string Json = """
            {
              "id": "c-2",
              "turns": [
                { "speaker": "agent", "text": "Hello" },
                { "speaker": "customer", "text": 42 }
              ]
            }
            """;

        var error = Reading.Error(Json, "bad.json");

        Assert.Equal("bad.json:5: turns[1].text: expected a string, got number", error.ToString());
    }

    [Fact]
    public void Read_InvalidJson_ReportsLine()
    {
        var error = Reading.Error("{\n  \"id\": \"x\",\n  \"turns\": [ }\n}", "broken.json");

        Assert.Equal(3, error.Line);
        Assert.StartsWith("invalid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoTurns_IsAnError()
    {
        var error = Reading.Error("""{"id":"empty","turns":[]}""", "empty.json");

        Assert.Contains("has no turns", error.Message, StringComparison.Ordinal);
        Assert.Equal("turns", error.Field);
    }

    [Fact]
    public void Read_UnknownChannel_SaysWhatIsExpected()
    {
        var error = Reading.Error("""{"channel":"fax","turns":[{"speaker":"agent","text":"Hi"}]}""", "fax.json");

        Assert.Equal("channel", error.Field);
        Assert.Contains("expected one of call, chat, email, survey, social, got 'fax'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadJsonl_BadLine_IsSkippedAndNamed()
    {
        var lines = string.Join('\n',
            """{"id":"a","turns":[{"speaker":"agent","text":"Hello"}]}""",
            "",
            """{"id":"b","turns":[{"speaker":"agent","text":"Hi"},{"speaker":"customer","text":"Hey"},{"speaker":"agent","text":7}]}""",
            """{"id":"c","turns":[{"speaker":"customer","text":"Thanks"}]}""",
            """{"id": oops}""");

        var results = Reading.All(lines, "calls.jsonl");

        Assert.Equal(4, results.Count);
        Assert.Equal("a", results[0].Conversation!.Id);
        Assert.Equal("calls.jsonl:3: turns[2].text: expected a string, got number", results[1].Error!.ToString());
        Assert.Equal("c", results[2].Conversation!.Id);
        Assert.Equal(5, results[3].Error!.Line);
    }

    [Fact]
    public void ReadJsonl_MissingIds_UseFileNameAndIndex()
    {
        var lines = """
            {"turns":[{"speaker":"agent","text":"One"}]}
            {"turns":[{"speaker":"agent","text":"Two"}]}
            """;

        var results = Reading.All(lines, "batch.jsonl");

        Assert.Equal(["batch-1", "batch-2"], results.Select(r => r.Conversation!.Id));
    }

    [Fact]
    public void Read_TopLevelArray_ReadsEachConversation()
    {
        const string Json = """[{"id":"x","turns":[{"speaker":"agent","text":"Hi"}]},{"id":"y","turns":[{"speaker":"customer","text":5}]}]""";

        var results = Reading.All(Json, "many.json");

        Assert.Equal("x", results[0].Conversation!.Id);
        Assert.Equal("[1].turns[0].text", results[1].Error!.Field);
    }
}
