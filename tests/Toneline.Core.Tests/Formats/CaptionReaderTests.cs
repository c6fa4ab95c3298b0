using Toneline.Core.Conversations;

namespace Toneline.Core.Tests.Formats;

public sealed class CaptionReaderTests
{
    [Fact]
    public void Read_VttWithVoiceTags_AssignsSpeakers()
    {
        const string Vtt = """
            WEBVTT - support call

            NOTE recorded on line 3
            and continued here

            intro
            00:00:01.000 --> 00:00:04.000 align:start
            <v Dana>Thank you for calling, how can I help?

            00:00:04.500 --> 00:00:08.000
            <v.loud Sam>My order never arrived &amp; I'm
            <i>really</i> annoyed 😤

            00:00:08.000 --> 00:00:09.500
            <v Sam>It's been two weeks.</v>

            00:00:10.000 --> 00:00:12.250
            <v Dana>Let me check.</v>
            <v Sam>Thanks.</v>
            """;

        var conversation = Reading.One(Vtt, "call.vtt");

        Assert.Equal(Channel.Call, conversation.Channel);
        Assert.Equal(RoleSource.Heuristic, conversation.RoleSource);
        Assert.Equal(["Dana", "Sam", "Dana", "Sam"], conversation.Turns.Select(t => t.SpeakerName));
        Assert.Equal([SpeakerRole.Agent, SpeakerRole.Customer, SpeakerRole.Agent, SpeakerRole.Customer], conversation.Turns.Select(t => t.Role));
        Assert.Equal("My order never arrived & I'm\nreally annoyed 😤 It's been two weeks.", conversation.Turns[1].Text);
        Assert.Equal(4.5, conversation.Turns[1].Start);
        Assert.Equal(9.5, conversation.Turns[1].End);
        Assert.Equal(12.25, conversation.DurationSeconds);
    }

    [Fact]
    public void Read_VttWithoutHeader_IsAnError()
    {
        var error = Reading.Error("00:00:01.000 --> 00:00:02.000\n<v A>hi", "x.vtt");

        Assert.Equal(1, error.Line);
        Assert.Contains("WEBVTT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_VttBadTiming_NamesLine()
    {
        var error = Reading.Error("WEBVTT\n\n1\n00:00:01 -> 00:00:02\n<v A>hi", "x.vtt");

        Assert.Equal("x.vtt:4: cue timing: expected a cue timing line such as '00:00:01.000 --> 00:00:04.000'", error.ToString());
    }

    [Fact]
    public void Read_SrtWithNamePrefixes_AssignsSpeakers()
    {
        const string Srt = """
            1
            00:00:00,500 --> 00:00:03,000
            Agent: Thanks for calling, my name is Jo.

            2
            00:00:03,200 --> 00:00:06,000
            [Customer] I can't log in
            since yesterday.

            3
            00:00:06,100 --> 00:00:08,000
            - Agent: Let me reset it.
            - Customer: Great, thanks!
            """;

        var conversation = Reading.One(Srt, "call.srt");

        Assert.Equal(RoleSource.Input, conversation.RoleSource);
        Assert.Equal([SpeakerRole.Agent, SpeakerRole.Customer, SpeakerRole.Agent, SpeakerRole.Customer], conversation.Turns.Select(t => t.Role));
        Assert.Equal("I can't log in\nsince yesterday.", conversation.Turns[1].Text);
        Assert.Equal(0.5, conversation.Turns[0].Start);
        Assert.Equal(8, conversation.Turns[3].End);
    }

    [Fact]
    public void Read_SrtUnnamedCue_ContinuesPreviousSpeaker()
    {
        const string Srt = "1\n00:00:01,000 --> 00:00:02,000\nDana: Hello there\n\n2\n00:00:02,000 --> 00:00:03,000\nand welcome.\n";

        var turn = Assert.Single(Reading.One(Srt, "x.srt").Turns);

        Assert.Equal("Hello there and welcome.", turn.Text);
        Assert.Equal(3, turn.End);
    }

    [Fact]
    public void Read_SrtMissingTiming_NamesLine()
    {
        var error = Reading.Error("1\n00:00:01,000 --> 00:00:02,000\nA: hi\n\n2\nB: no timing\n", "x.srt");

        Assert.Equal(6, error.Line);
        Assert.Equal("timing", error.Field);
    }
}
