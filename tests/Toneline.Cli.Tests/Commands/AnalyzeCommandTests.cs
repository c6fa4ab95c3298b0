namespace Toneline.Cli.Tests.Commands;

/// <summary>How the entry point reads arguments, so these run the built CLI as a process.</summary>
public sealed class AnalyzeCommandTests
{
    [Fact]
    public void Analyze_TextStartingWithAt_IsScoredNotReadAsAResponseFile()
    {
        // A tweet addressed to a brand begins with "@"; it must not be taken for a file of arguments.
        var code = Cli.RunProcess(out var output, out var error, "analyze", "@acme thanks, that fixed it :)");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("label Positive", output, StringComparison.Ordinal);
        Assert.Contains("thanks", output, StringComparison.Ordinal);
    }
}
