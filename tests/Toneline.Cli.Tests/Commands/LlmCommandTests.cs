using System.CommandLine;
using Toneline.Cli.Commands;
using Toneline.Cli.Commands.Llm;

namespace Toneline.Cli.Tests.Commands;

public sealed class LlmCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "toneline-llm-cli-" + Guid.NewGuid().ToString("N"));

    public LlmCommandTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void PromptEditThenActivate_RecordsTheNewActiveVersion()
    {
        Assert.Equal(0, Run(out _, out _, "llm", "prompt", "edit", "--positive", "The customer thanked the agent.", "--by", "dana", "--prompts", _directory));
        Assert.Equal(0, Run(out _, out _, "llm", "prompt", "activate", "2", "--by", "lee", "--prompts", _directory));

        Assert.Equal(0, Run(out var output, out _, "llm", "prompt", "list", "--prompts", _directory));
        Assert.Contains("* p2", output, StringComparison.Ordinal);
        Assert.Contains("activated p2", output, StringComparison.Ordinal);
        Assert.Contains("by lee", output, StringComparison.Ordinal);
    }

    [Fact]
    public void PromptActivate_UnknownVersion_IsBadInputWithAHint()
    {
        Assert.Equal(1, Run(out _, out var error, "llm", "prompt", "activate", "9", "--prompts", _directory));
        Assert.Contains("toneline llm prompt list", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_WithoutEndpoint_IsAUsageError()
    {
        Assert.Equal(2, Run(out _, out var error, "llm", "score", "x.txt", "--model", "m", "--endpoint", "not a url", "--prompts", _directory));
        Assert.Contains("--endpoint", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadLabeled_BadLabel_NamesTheFileAndLine()
    {
        var path = Path.Combine(_directory, "set.jsonl");
        File.WriteAllLines(path,
        [
            """{"id":"a","label":"positive","turns":[{"speaker":"customer","text":"thanks"}]}""",
            """{"id":"b","label":"great","turns":[{"speaker":"customer","text":"thanks"}]}""",
        ]);

        var error = Assert.Throws<FormatException>(() => ConversationInput.ReadLabeled(path));

        Assert.Contains("set.jsonl:2", error.Message, StringComparison.Ordinal);
    }

    private static int Run(out string output, out string error, params string[] args)
    {
        using var outWriter = new StringWriter();
        using var errWriter = new StringWriter();
        var root = new RootCommand { LlmCommand.Create() };
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = outWriter, Error = errWriter });
        output = outWriter.ToString();
        error = errWriter.ToString();
        return code;
    }
}
