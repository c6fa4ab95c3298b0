using Toneline.Core.Conversations;
using Toneline.Core.Formats;

namespace Toneline.Core.Tests.Formats;

public sealed class ConversationReaderTests
{
    [Theory]
    [InlineData("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Dana>Hi", "Dana")]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\nDana: Hi\n", "Dana")]
    [InlineData("conversation_id,speaker,text\nc,Dana,Hi\n", "Dana")]
    [InlineData("Dana: Hi\n", "Dana")]
    [InlineData("""{"turns":[{"speaker":"Dana","text":"Hi"}]}""", "Dana")]
    [InlineData("""{"Transcript":[{"ParticipantRole":"AGENT","Content":"Hi"}]}""", "AGENT")]
    [InlineData("""{"utterances":[{"speaker":"A","text":"Hi","start":0,"end":1}]}""", "A")]
    public void Read_Stdin_DetectsFormatFromContent(string content, string speaker)
    {
        var conversation = Reading.One(content, "-");

        Assert.Equal(speaker, conversation.Turns[0].SpeakerName);
        Assert.Equal("Hi", conversation.Turns[0].Text);
    }

    [Fact]
    public void Read_StdinJsonl_DetectsLines()
    {
        var results = Reading.All("{\"turns\":[{\"speaker\":\"agent\",\"text\":\"a\"}]}\n{\"turns\":[{\"speaker\":\"agent\",\"text\":\"b\"}]}\n", "-");

        Assert.Equal(["stdin-1", "stdin-2"], results.Select(r => r.Conversation!.Id));
    }

    [Fact]
    public void Read_FormatOption_OverridesExtension()
    {
        var conversation = Reading.One("Agent: hi", "odd.json", new ReadOptions { Format = TranscriptFormat.Text });

        Assert.Equal(SpeakerRole.Agent, conversation.Turns[0].Role);
    }

    [Fact]
    public void Read_DefaultChannelOption_AppliesWhenInputIsSilent()
    {
        var conversation = Reading.One("Agent: hi", "t.txt", new ReadOptions { DefaultChannel = Channel.Social });

        Assert.Equal(Channel.Social, conversation.Channel);
    }

    [Fact]
    public void Read_EmptyStdin_IsAnError() =>
        Assert.Contains("empty", Reading.Error("  \n", "-").Message, StringComparison.Ordinal);

    [Fact]
    public void ReadFile_MissingFile_IsAnErrorResult()
    {
        var path = Path.Combine(Path.GetTempPath(), "toneline-missing-" + Guid.NewGuid().ToString("N") + ".json");

        var result = Assert.Single(ConversationReader.ReadFile(path));

        Assert.Equal(path, result.Error!.Source);
        Assert.Contains("not found", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_Directory_ReadsTranscriptFilesInNameOrder()
    {
        var directory = Directory.CreateTempSubdirectory("toneline-formats-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "b.txt"), "Agent: second");
            File.WriteAllText(Path.Combine(directory.FullName, "a.vtt"), "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Agent>first");
            File.WriteAllText(Path.Combine(directory.FullName, "notes.md"), "ignored");

            var results = ConversationReader.ReadFile(directory.FullName).ToList();

            Assert.Equal(["a", "b"], results.Select(r => r.Conversation!.Id));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void ReadFile_JsonFileWithUtf8Bom_IsRead()
    {
        var path = Path.Combine(Path.GetTempPath(), "toneline-bom-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, "\uFEFF{\"id\":\"bom\",\"turns\":[{\"speaker\":\"agent\",\"text\":\"hi\"}]}", new System.Text.UTF8Encoding(true));
        try
        {
            Assert.Equal("bom", Assert.Single(ConversationReader.ReadFile(path)).Conversation!.Id);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
