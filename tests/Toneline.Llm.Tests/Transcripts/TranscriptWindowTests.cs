using Toneline.Llm.Tests.Fakes;
using Toneline.Llm.Transcripts;

namespace Toneline.Llm.Tests.Transcripts;

public sealed class TranscriptWindowTests
{
    [Fact]
    public void Build_ShortConversation_KeepsEveryTurnNumbered()
    {
        var window = TranscriptWindow.Build(Conversations.Billing(), 6000);

        Assert.Null(window.Truncation);
        Assert.Equal(4, window.Text.Split('\n').Length);
        Assert.StartsWith("[1] Agent: Thank you for calling", window.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LongConversation_KeepsTheStartAndTheLongerEndAndSaysWhatWasOmitted()
    {
        var window = TranscriptWindow.Build(Conversations.Long(100), 1000);

        var truncation = Assert.IsType<Truncation>(window.Truncation);
        var lines = window.Text.Split('\n');
        var marker = Array.FindIndex(lines, l => l.Contains("turns omitted", StringComparison.Ordinal));
        Assert.Equal(100, truncation.OmittedTurns + lines.Length - 1);
        Assert.True(lines.Length - 1 - marker > marker, "the end keeps more turns than the start");
        Assert.Equal($"[... {truncation.OmittedTurns} turns omitted here (turns {truncation.FirstOmittedTurn + 1}-{truncation.LastOmittedTurn + 1}) to fit the length limit ...]", lines[marker]);
        Assert.True(TranscriptWindow.EstimateTokens(window.Text) <= 1000);
        Assert.StartsWith("[100] ", lines[^1], StringComparison.Ordinal);
    }
}
