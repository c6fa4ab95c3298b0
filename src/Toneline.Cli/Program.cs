using System.CommandLine;
using Toneline.Cli.Commands;

var root = new RootCommand("Toneline: sentiment of contact-center conversations.")
{
    ScoreCommand.Create(),
    EvalCommand.Create(),
    BenchCommand.Create(),
    AnalyzeCommand.Create(),
    LlmCommand.Create(),
};

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
