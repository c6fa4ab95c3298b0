using System.CommandLine;
using Toneline.Llm;
using Toneline.Llm.Prompts;

namespace Toneline.Cli.Commands.Llm;

/// <summary><c>toneline llm playground FILES</c>: a prompt version (or an unsaved draft) beside the current score.</summary>
internal static class LlmPlaygroundCommand
{
    public static Command Create()
    {
        var llm = new LlmCliOptions();
        var files = new Argument<string[]>("files") { Description = "Transcript files to try the prompt on.", Arity = ArgumentArity.OneOrMore };
        var positive = new Option<string?>("--positive") { Description = "Try this definition of positive without saving it." };
        var negative = new Option<string?>("--negative") { Description = "Try this definition of negative without saving it." };
        var command = new Command("playground", "Run a prompt version on conversations and show its result beside the built-in score.") { files, positive, negative };
        llm.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var errors = parse.InvocationConfiguration.Error;
            var builtIn = BuiltInScorer.Create();
            if (!llm.TryCreateScorer(parse, builtIn, out var saved, out var error))
            {
                errors.WriteLine(error);
                return ExitCodes.Usage;
            }

            var scorer = saved;
            if (parse.GetValue(positive) is not null || parse.GetValue(negative) is not null)
            {
                // A draft is version 0: it hashes apart from every saved version and is never activated.
                var current = saved.Prompt.Definitions;
                var draft = new PromptVersion(0, current with
                {
                    Positive = parse.GetValue(positive) ?? current.Positive,
                    Negative = parse.GetValue(negative) ?? current.Negative,
                }, DateTimeOffset.UnixEpoch, Environment.UserName, "draft");
                saved.Dispose();
                scorer = new LlmConversationScorer(saved.Options, draft, builtIn);
            }

            using (scorer)
            {
                foreach (var conversation in ConversationInput.ReadFiles(parse.GetValue(files)!, errors))
                {
                    var current = await builtIn.ScoreAsync(conversation, cancellationToken).ConfigureAwait(false);
                    var candidate = await scorer.ScoreDetailedAsync(conversation, cancellationToken).ConfigureAwait(false);
                    output.WriteLine($"{conversation.Id}");
                    output.WriteLine($"  current   {LlmReport.Score(current)}  {current.Method}");
                    output.WriteLine($"  candidate {LlmReport.Score(candidate.Score)}  {candidate.Score.Method}");
                    output.WriteLine($"  {candidate.Score.Explanation}");
                    LlmReport.Notes(output, candidate);
                }

                LlmReport.Totals(output, scorer.Totals, scorer.Options);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
