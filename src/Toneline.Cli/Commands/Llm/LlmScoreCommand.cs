using System.CommandLine;
using System.Globalization;
using Toneline.Llm.Hybrid;

namespace Toneline.Cli.Commands.Llm;

/// <summary><c>toneline llm score FILES</c>: scores with the active prompt, or in hybrid mode.</summary>
internal static class LlmScoreCommand
{
    public static Command Create()
    {
        var llm = new LlmCliOptions();
        var files = new Argument<string[]>("files") { Description = "Transcript files.", Arity = ArgumentArity.OneOrMore };
        var hybrid = new Option<bool>("--hybrid") { Description = "Score with the built-in engine and ask the LLM only about unsure conversations." };
        var command = new Command("score", "Score conversations with the LLM engine (active prompt version).") { files, hybrid };
        llm.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var errors = parse.InvocationConfiguration.Error;
            var builtIn = BuiltInScorer.Create();
            if (!llm.TryCreateScorer(parse, builtIn, out var scorer, out var error))
            {
                errors.WriteLine(error);
                return ExitCodes.Usage;
            }

            using (scorer)
            {
                var conversations = ConversationInput.ReadFiles(parse.GetValue(files)!, errors);
                if (parse.GetValue(hybrid))
                {
                    var mixed = new HybridConversationScorer(builtIn, scorer);
                    foreach (var conversation in conversations)
                    {
                        var result = await mixed.ScoreDetailedAsync(conversation, cancellationToken).ConfigureAwait(false);
                        output.WriteLine($"{conversation.Id}  {LlmReport.Score(result.Score)}  {result.Score.Method}  {(result.Llm is null ? "built-in sure" : "asked LLM: " + result.Uncertainty)}");
                        if (result.Llm is { } detail)
                        {
                            LlmReport.Notes(output, detail);
                        }
                    }

                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Hybrid: {mixed.SentToLlm} of {mixed.Conversations} conversations went to the LLM."));
                }
                else
                {
                    foreach (var conversation in conversations)
                    {
                        LlmReport.Result(output, await scorer.ScoreDetailedAsync(conversation, cancellationToken).ConfigureAwait(false));
                    }
                }

                LlmReport.Totals(output, scorer.Totals, scorer.Options);
                return conversations.Count == 0 ? ExitCodes.BadInput : ExitCodes.Success;
            }
        });
        return command;
    }
}
