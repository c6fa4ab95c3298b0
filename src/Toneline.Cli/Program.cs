using System.CommandLine;
using Toneline.Cli;
using Toneline.Cli.Commands;

var root = new RootCommand("Toneline: sentiment of contact-center conversations.")
{
    ScoreCommand.Create(),
    EvalCommand.Create(),
    BenchCommand.Create(),
    AnalyzeCommand.Create(),
    TrainCommand.Create(),
    LlmCommand.Create(),
    DbCommand.Create(),
    ImportCommand.Create(),
    RescoreCommand.Create(),
    DemoCommand.Create(),
    QueryCommand.Create(),
    ServeCommand.Create(),
};

// No response files: "@united thanks" is a tweet to analyze, not a file of arguments.
var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine($"error: {error.Message}");
    }

    Console.Error.WriteLine("Run 'toneline --help' to see the commands and their options.");
    return ExitCodes.Usage;
}

return await parse.InvokeAsync().ConfigureAwait(false);
