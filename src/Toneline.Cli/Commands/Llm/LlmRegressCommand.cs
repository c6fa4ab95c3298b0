using System.CommandLine;
using System.Globalization;
using Toneline.Core.Scoring;
using Toneline.Llm;
using Toneline.Llm.Regression;

namespace Toneline.Cli.Commands.Llm;

/// <summary><c>toneline llm regress SET.jsonl</c>: accuracy, per-class precision/recall and label flips before activating.</summary>
internal static class LlmRegressCommand
{
    public static Command Create()
    {
        var llm = new LlmCliOptions();
        var set = new Argument<string>("set") { Description = "Labeled JSONL: {\"id\", \"label\", \"turns\": [{\"speaker\", \"text\"}]} per line." };
        var against = new Option<string>("--against")
        {
            Description = "What the candidate is compared with: 'active' (the active prompt version) or 'builtin'.",
            DefaultValueFactory = _ => "active",
        };
        against.AcceptOnlyFromAmong("active", "builtin");
        var command = new Command("regress", "Run a prompt version (--prompt-version, default the newest) on a labeled set and compare it with the active method.") { set, against };
        llm.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var errors = parse.InvocationConfiguration.Error;
            List<LabeledConversation> items;
            try
            {
                items = ConversationInput.ReadLabeled(parse.GetValue(set)!);
            }
            catch (Exception ex) when (ex is FormatException or IOException)
            {
                errors.WriteLine(ex.Message);
                return ExitCodes.BadInput;
            }

            if (!llm.TryCreateOptions(parse, out var options, out var error))
            {
                errors.WriteLine(error);
                return ExitCodes.Usage;
            }

            var store = llm.Store(parse);
            var candidatePrompt = parse.GetValue(llm.PromptVersion) is { } number ? store.Get(number) : store.List()[^1];
            if (candidatePrompt is null)
            {
                errors.WriteLine($"There is no prompt version {parse.GetValue(llm.PromptVersion)}; list them with 'toneline llm prompt list'.");
                return ExitCodes.BadInput;
            }

            var builtIn = BuiltInScorer.Create();
            using var candidate = new LlmConversationScorer(options, candidatePrompt, builtIn);
            using var activeLlm = new LlmConversationScorer(options, store.Active(), builtIn);
            IConversationScorer active = parse.GetValue(against) == "builtin" ? builtIn : activeLlm;
            var report = await RegressionRunner.RunAsync(items, candidate, active, options.MaxConcurrency * 2, cancellationToken).ConfigureAwait(false);

            output.WriteLine($"candidate {candidate.Method}  vs  active {active.Method}  ({items.Count} conversations, {report.Scale})");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"accuracy  candidate {report.CandidateAccuracy:P1}  active {report.ActiveAccuracy:P1}"));
            output.WriteLine("class            precision  recall  support   (active precision  recall)");
            for (var i = 0; i < report.PerClass.Count; i++)
            {
                var c = report.PerClass[i];
                var a = report.ActivePerClass[i];
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Label,-16} {c.Precision,9:P1} {c.Recall,7:P1} {c.Support,8}   ({a.Precision,8:P1} {a.Recall,7:P1})"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"flips: {report.Flips.Count} ({report.Flips.Count(f => f.Fixed)} fixed, {report.Flips.Count(f => f.Broke)} broken)"));
            foreach (var flip in report.Flips)
            {
                var verdict = flip.Fixed ? "fixed" : flip.Broke ? "broke" : "still wrong";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {flip.ConversationId}: label {flip.Label}; active {flip.Active} ({flip.ActiveScore}) -> candidate {flip.Candidate} ({flip.CandidateScore}) {verdict}{(flip.Note is null ? string.Empty : "; " + flip.Note)}"));
            }

            LlmReport.Totals(output, candidate.Totals, options);
            return ExitCodes.Success;
        });
        return command;
    }
}
