using System.CommandLine;
using Toneline.Cli.Commands.Llm;
using Toneline.Core.Conversations;
using Toneline.Core.Formats;
using Toneline.Core.Scoring;

namespace Toneline.Cli.Commands;

/// <summary>The <c>score</c> verb: reads transcripts, scores every conversation, prints the results.</summary>
/// <remarks>
/// Conversations stream through a bounded pipeline (read a batch, score it in parallel, write it in input order),
/// so memory stays flat however large the input; only <c>--output table</c> holds all results.
/// </remarks>
internal static partial class ScoreCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Transcript files, directories (read recursively) or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        // Without this an unknown option such as --no-such-flag would be taken for a file name and fail as bad input.
        inputs.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Select(t => t.Value))
            {
                if (token.Length > 1 && token[0] == '-' && !File.Exists(token) && !Directory.Exists(token))
                {
                    result.AddError($"unknown option '{token}'; run 'toneline score --help' for the options (a file whose name starts with '-' needs a path such as ./{token}).");
                }
            }
        });
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
        var engine = new Option<string>("--engine")
        {
            Description = "Scoring engine: builtin (local, deterministic) or llm (an OpenAI-compatible server; see the --endpoint and --model options).",
            DefaultValueFactory = _ => "builtin",
        };
        engine.AcceptOnlyFromAmong("builtin", "llm");
        var agent = new Option<string?>("--agent") { Description = "The speaker name that is the agent (overrides roles in the input)." };
        var agentChannel = new Option<int?>("--agent-channel") { Description = "The audio channel or speaker number that is the agent." };
        var noTurns = new Option<bool>("--no-turns") { Description = "Leave per-turn scores and evidence out of JSON output." };
        var noProgress = new Option<bool>("--no-progress") { Description = "Never show the progress bar (it shows only when stderr is a terminal)." };

        var command = new Command("score", "Score the sentiment of conversations in transcript files.")
        {
            inputs, format, output, engine, agent, agentChannel, noTurns, noProgress,
        };
        var llm = new LlmCliOptions();
        llm.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var settings = new Settings
            {
                Read = new ReadOptions { Format = parse.GetValue(format), AgentName = parse.GetValue(agent), AgentChannel = parse.GetValue(agentChannel) },
                Output = parse.GetValue(output),
                IncludeTurns = !parse.GetValue(noTurns),
                Progress = !parse.GetValue(noProgress),
            };
            var files = parse.GetValue(inputs)!;
            var builtIn = ConversationScorer.CreateDefault();
            if (parse.GetValue(engine) != "llm")
            {
                return await RunAsync(files, builtIn, settings, Console.In, parse.InvocationConfiguration.Output, error, cancellationToken).ConfigureAwait(false);
            }

            if (!llm.TryCreateScorer(parse, builtIn, out var scorer, out var message))
            {
                error.WriteLine($"error: {message}");
                return ExitCodes.Usage;
            }

            using (scorer)
            {
                // Requests are the bottleneck, so the pipeline keeps as many in flight as the server may take.
                settings = settings with { Concurrency = scorer.Options.MaxConcurrency };
                var code = await RunAsync(files, scorer, settings, Console.In, parse.InvocationConfiguration.Output, error, cancellationToken).ConfigureAwait(false);
                LlmReport.Totals(error, scorer.Totals, scorer.Options);
                return code;
            }
        });
        return command;
    }

    /// <summary>Scores every conversation in <paramref name="inputs"/> and writes the results; returns the exit code.</summary>
    /// <param name="inputs">Files, directories or <c>-</c>.</param>
    /// <param name="scorer">The engine.</param>
    /// <param name="settings">Output and reading settings.</param>
    /// <param name="stdin">What <c>-</c> reads.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where errors and the progress bar go.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    internal static async Task<int> RunAsync(
        IReadOnlyList<string> inputs, IConversationScorer scorer, Settings settings, TextReader stdin, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var files = Input.InputFiles.Expand(inputs, out var missing);
        foreach (var path in missing)
        {
            error.WriteLine($"error: {path}: no such file or directory.");
        }

        if (files.Count == 0)
        {
            error.WriteLine("error: no transcript files to score; give files, directories or - for standard input.");
            return ExitCodes.BadInput;
        }

        var run = new Run(files, scorer, settings, stdin, output, error);
        var counts = ShowsProgress(settings, output, error)
            ? await run.WithProgressAsync(cancellationToken).ConfigureAwait(false)
            : await run.ExecuteAsync(null, cancellationToken).ConfigureAwait(false);

        var errors = counts.Errors + missing.Count;
        if (errors > 0)
        {
            error.WriteLine($"{counts.Scored} conversation(s) scored, {errors} skipped because of errors.");
            return ExitCodes.BadInput;
        }

        return ExitCodes.Success;
    }

    /// <summary>The bar goes to a terminal on stderr, and only when results do not stream to that same terminal.</summary>
    private static bool ShowsProgress(Settings settings, TextWriter output, TextWriter error) =>
        settings.Progress
        && error == Console.Error && !Console.IsErrorRedirected
        && (settings.Output == OutputFormat.Table || output != Console.Out || Console.IsOutputRedirected);

    /// <summary>How one <c>score</c> run reads, scores and writes.</summary>
    internal sealed record Settings
    {
        public ReadOptions Read { get; init; } = new();

        public OutputFormat Output { get; init; } = OutputFormat.Json;

        public bool IncludeTurns { get; init; } = true;

        /// <summary>Whether to show the progress bar when stderr is a terminal.</summary>
        public bool Progress { get; init; } = true;

        /// <summary>Conversations scored at once; the built-in engine uses every core.</summary>
        public int Concurrency { get; init; } = Environment.ProcessorCount;

        /// <summary>The most conversations read ahead in one batch.</summary>
        public int BatchSize { get; init; } = 256;
    }
}
