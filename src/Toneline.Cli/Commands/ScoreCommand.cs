using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Toneline.Cli.Input;
using Toneline.Core.Conversations;
using Toneline.Core.Formats;

namespace Toneline.Cli.Commands;

/// <summary>The <c>score</c> verb: reads transcripts, scores every conversation, prints the results.</summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Transcript files, directories (read recursively) or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<TranscriptFormat>("--format", "-f")
        {
            Description = "Input format; auto-detected from the extension and content by default.",
            DefaultValueFactory = _ => TranscriptFormat.Auto,
        };
        var output = new Option<OutputFormat>("--output", "-o")
        {
            Description = "Output: json (an array), jsonl (one result per line) or table.",
            DefaultValueFactory = _ => OutputFormat.Json,
        };
        var agent = new Option<string?>("--agent") { Description = "The speaker name that is the agent (overrides roles in the input)." };
        var agentChannel = new Option<int?>("--agent-channel") { Description = "The audio channel or speaker number that is the agent." };
        var noTurns = new Option<bool>("--no-turns") { Description = "Leave per-turn scores and evidence out of JSON output." };

        var command = new Command("score", "Score the sentiment of conversations in transcript files.")
        {
            inputs, format, output, agent, agentChannel, noTurns,
        };
        command.SetAction(parse => Run(
            parse.GetValue(inputs)!,
            new ReadOptions { Format = parse.GetValue(format), AgentName = parse.GetValue(agent), AgentChannel = parse.GetValue(agentChannel) },
            parse.GetValue(output),
            !parse.GetValue(noTurns),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string[] inputs, ReadOptions options, OutputFormat outputFormat, bool includeTurns, TextWriter output, TextWriter error)
    {
        var files = InputFiles.Expand(inputs, out var missing);
        foreach (var path in missing)
        {
            error.WriteLine($"error: {path}: no such file or directory.");
        }

        if (files.Count == 0)
        {
            error.WriteLine("error: no transcript files to score; give files, directories or - for standard input.");
            return ExitCodes.BadInput;
        }

        var scorer = ConversationScorer.CreateDefault();
        var results = new List<(Conversation Conversation, ConversationScore Score)>();
        int errors = missing.Count;

        void ScoreFile(string file)
        {
            var read = file == "-"
                ? ConversationReader.Read(Console.In, "-", options)
                : ConversationReader.ReadFile(file, options);
            foreach (var result in read)
            {
                if (result.Conversation is { } conversation)
                {
                    results.Add((conversation, scorer.Score(conversation)));
                }
                else
                {
                    errors++;
                    error.WriteLine($"error: {result.Error}");
                }
            }
        }

        if (files.Count > 1 && !Console.IsErrorRedirected)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask("scoring", maxValue: files.Count);
                    foreach (var file in files)
                    {
                        ScoreFile(file);
                        task.Increment(1);
                    }
                });
        }
        else
        {
            foreach (var file in files)
            {
                ScoreFile(file);
            }
        }

        WriteResults(results, outputFormat, includeTurns, output);
        if (errors > 0)
        {
            error.WriteLine($"{results.Count} conversation(s) scored, {errors} skipped because of errors.");
            return ExitCodes.BadInput;
        }

        return ExitCodes.Success;
    }

    private static void WriteResults(List<(Conversation Conversation, ConversationScore Score)> results, OutputFormat format, bool includeTurns, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Table:
                ResultTable.Write(results, output);
                break;
            case OutputFormat.Jsonl:
                foreach (var (conversation, score) in results)
                {
                    output.WriteLine(ToJson(w => ScoreJsonWriter.Write(w, conversation, score, includeTurns), indented: false));
                }

                break;
            default:
                output.WriteLine(ToJson(
                    w =>
                    {
                        w.WriteStartArray();
                        foreach (var (conversation, score) in results)
                        {
                            ScoreJsonWriter.Write(w, conversation, score, includeTurns);
                        }

                        w.WriteEndArray();
                    },
                    indented: true));
                break;
        }
    }

    private static string ToJson(Action<Utf8JsonWriter> write, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
