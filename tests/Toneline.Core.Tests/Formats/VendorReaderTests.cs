using Toneline.Core.Conversations;
using Toneline.Core.Formats;

namespace Toneline.Core.Tests.Formats;

public sealed class VendorReaderTests
{
    [Fact]
    public void Read_AmazonCallAnalytics_UsesParticipantRolesAndMilliseconds()
    {
        var result = Assert.Single(ConversationReader.ReadFile(Reading.DataPath("amazon-call-analytics.json")));
        var conversation = result.Conversation!;

        Assert.Equal("billing-call-0412", conversation.Id);
        Assert.Equal("en-US", conversation.Language);
        Assert.Equal(21.5, conversation.DurationSeconds);
        Assert.Equal(["billing-dispute"], conversation.Topics);
        Assert.Equal(RoleSource.Input, conversation.RoleSource);
        Assert.Equal([SpeakerRole.Agent, SpeakerRole.Customer, SpeakerRole.Agent], conversation.Turns.Select(t => t.Role));
        Assert.Equal(0.12, conversation.Turns[0].Start);
        Assert.Equal(11.02, conversation.Turns[1].End);
    }

    [Fact]
    public void Read_AmazonSegmentWithoutContent_NamesField()
    {
        const string Json = """
            {"JobName":"j","Transcript":[
              {"ParticipantRole":"AGENT","Content":"Hello"},
              {"ParticipantRole":"CUSTOMER","BeginOffsetMillis":10}
            ]}
            """;

        var error = Reading.Error(Json, "amazon.json");

        Assert.Equal("amazon.json:3: Transcript[1].Content: missing; expected a string", error.ToString());
    }

    [Fact]
    public void Read_AssemblyAi_ConvertsMillisecondsAndUsesHeuristic()
    {
        const string Json = """
            {"id":"5551722-f677","audio_duration":12,"language_code":"en_us","utterances":[
              {"speaker":"A","text":"Hi, my card was declined twice.","start":250,"end":3100,"confidence":0.93,"words":[]},
              {"speaker":"B","text":"I'm sorry for the trouble. Can I have your account number?","start":3400,"end":7800,"confidence":0.95,"words":[]},
              {"speaker":"A","text":"Sure, it's 4471.","start":8000,"end":9900,"confidence":0.9,"words":[]}
            ]}
            """;

        var conversation = Reading.One(Json, "assembly.json");

        Assert.Equal("5551722-f677", conversation.Id);
        Assert.Equal(12, conversation.DurationSeconds);
        Assert.Equal(RoleSource.Heuristic, conversation.RoleSource);
        Assert.Equal([SpeakerRole.Customer, SpeakerRole.Agent, SpeakerRole.Customer], conversation.Turns.Select(t => t.Role));
        Assert.Equal(0.25, conversation.Turns[0].Start);
        Assert.Equal(9.9, conversation.Turns[2].End);
    }

    [Fact]
    public void Read_DeepgramMultichannel_MapsAgentChannel()
    {
        const string Json = """
            {"metadata":{"request_id":"dg-123","duration":8.5,"channels":2},
             "results":{"channels":[],"utterances":[
              {"start":0.1,"end":2.0,"channel":1,"transcript":"Hello, thanks for calling.","confidence":0.98,"words":[],"id":"u1"},
              {"start":2.2,"end":5.0,"channel":0,"transcript":"Hi, I need to cancel.","confidence":0.97,"words":[],"id":"u2"}
            ]}}
            """;

        var conversation = Reading.One(Json, "dg.json", new ReadOptions { AgentChannel = 0 });

        Assert.Equal("dg-123", conversation.Id);
        Assert.Equal(RoleSource.Mapping, conversation.RoleSource);
        Assert.Equal([SpeakerRole.Customer, SpeakerRole.Agent], conversation.Turns.Select(t => t.Role));
        Assert.Equal(["ch_1", "ch_0"], conversation.Turns.Select(t => t.SpeakerName));
        Assert.Equal(2.2, conversation.Turns[1].Start);
    }

    [Fact]
    public void Read_DeepgramDiarized_LabelsSpeakers()
    {
        const string Json = """
            {"metadata":{"request_id":"dg-9"},"results":{"utterances":[
              {"start":0.5,"end":1.5,"channel":0,"speaker":0,"transcript":"How may I help you today?"},
              {"start":1.6,"end":3.0,"channel":0,"speaker":1,"transcript":"My router is dead."}
            ]}}
            """;

        var conversation = Reading.One(Json, "dg.json", new ReadOptions { AgentChannel = 0 });

        Assert.Equal(["spk_0", "spk_1"], conversation.Turns.Select(t => t.SpeakerName));
        Assert.Equal([SpeakerRole.Agent, SpeakerRole.Customer], conversation.Turns.Select(t => t.Role));
    }

    [Fact]
    public void Read_Gladia_ReadsSecondsAndMetadata()
    {
        const string Json = """
            {"id":"gl-42","result":{"metadata":{"audio_duration":30.2},"transcription":{"languages":["fr"],"full_transcript":"...","utterances":[
              {"text":"Bonjour, merci d'avoir appelé.","language":"fr","start":0.2,"end":2.4,"confidence":0.9,"channel":0,"speaker":1,"words":[]},
              {"text":"Ma commande n'est pas arrivée.","language":"fr","start":2.6,"end":5.1,"confidence":0.9,"channel":0,"speaker":0,"words":[]}
            ]}}}
            """;

        var conversation = Reading.One(Json, "gladia.json", new ReadOptions { AgentName = "spk_1" });

        Assert.Equal("gl-42", conversation.Id);
        Assert.Equal("fr", conversation.Language);
        Assert.Equal(30.2, conversation.DurationSeconds);
        Assert.Equal("Ma commande n'est pas arrivée.", conversation.Turns[1].Text);
        Assert.Equal([SpeakerRole.Agent, SpeakerRole.Customer], conversation.Turns.Select(t => t.Role));
    }

    [Fact]
    public void Read_UtteranceWithNumericText_NamesField()
    {
        var error = Reading.Error("""{"results":{"utterances":[{"start":0,"end":1,"transcript":3}]}}""", "dg.json");

        Assert.Equal("results.utterances[0].transcript", error.Field);
        Assert.Equal("expected a string, got number", error.Message);
    }
}
