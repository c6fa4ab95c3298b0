namespace Toneline.Cli.Tests.Commands;

/// <summary>Usage errors are decided by the entry point, so these run the built CLI as a process.</summary>
public sealed class ScoreUsageTests
{
    [Theory]
    [InlineData("--format nosuch")]
    [InlineData("--no-such-option")]
    [InlineData("--engine gpt")]
    public void Score_BadUsage_ExitsWithTwoAndAHint(string options)
    {
        var code = Cli.RunProcess(out var output, out var error, ["score", Samples.Path("plan-question-chat.txt"), .. options.Split(' ')]);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("toneline --help", error, StringComparison.Ordinal);
    }
}
