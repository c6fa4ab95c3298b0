using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Toneline.Cli.Evaluation;
using Toneline.Core.Conversations;
using Toneline.Core.Evaluation;
using Toneline.Core.Scoring;
using Toneline.Core.Scoring.BuiltIn;

namespace Toneline.Cli.Commands;

/// <summary>The <c>eval</c> verb: accuracy of the built-in engine on a labeled JSONL file.</summary>
/// <remarks>
/// Binary files (no neutral gold label) are scored by the sign of the score: ≥ 0 counts as positive.
/// Dialogue files are reported per speaker and, where dialogues carry conversation-level labels, per
/// labeled aspect of the whole conversation scored by <see cref="ConversationScorer"/>.
/// </remarks>
internal static class EvalCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "JSONL with {\"text\",\"label\"} lines or {\"turns\":[...]} dialogues." };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON." };
        var role = new Option<SpeakerRole>("--role") { Description = "Speaker role for sentence files.", DefaultValueFactory = _ => SpeakerRole.Customer };
        var model = EngineOptions.ModelOption();
        var rulesOnly = EngineOptions.RulesOnlyOption();
        var all = new Option<bool>("--all") { Description = "Also score items of the file the model trained on (by default only its held-out fold counts)." };
        var predictions = new Option<FileInfo?>("--predictions") { Description = "Also write every scored text (and labeled conversation) with its gold label and prediction to this JSONL file, for error analysis." };
        var command = new Command("eval", "Measure the engine's accuracy on a labeled file.") { file, json, role, model, rulesOnly, all, predictions };
        command.SetAction(parse => EngineOptions.TryCreate(parse.GetValue(model), parse.GetValue(rulesOnly), out var engine, out var problem)
            ? Run(parse.GetValue(file)!, parse.GetValue(role), parse.GetValue(json), engine, parse.GetValue(all), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(predictions))
            : EngineOptions.Fail(problem, parse.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(FileInfo file, SpeakerRole role, bool json, BuiltInEngine engine, bool all, TextWriter output, TextWriter error, FileInfo? predictionsFile = null)
    {
        if (!file.Exists)
        {
            error.WriteLine($"error: {file.FullName}: no such file.");
            return ExitCodes.BadInput;
        }

        List<LabeledText> items;
        List<LabeledConversation> conversations;
        bool dialogues;
        try
        {
            items = LabeledFile.Read(file.FullName, role, out dialogues);
            conversations = dialogues ? LabeledFile.ReadConversations(file.FullName, role) : [];
        }
        catch (FormatException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }

        // Honest numbers: on a file the model trained on, only its held-out fold counts.
        string split = "all items";
        if (engine.TrainedOn.Contains(file.Name, StringComparer.Ordinal))
        {
            if (all)
            {
                split = "all items, INCLUDING the folds the model trained on (not an honest estimate)";
            }
            else
            {
                items = items.Where(item => DataSplit.IsHoldout(item.Key)).ToList();
                conversations = conversations.Where(c => DataSplit.IsHoldout(c.Key)).ToList();
                split = $"held-out fold {DataSplit.HoldoutFold} only (the model trained on the other folds of this file)";
            }
        }

        // Conversations labeled only as a whole (say, only whether they were resolved) are enough.
        if (items.Count == 0 && conversations.Count == 0)
        {
            error.WriteLine($"error: {file.FullName}: no labeled texts.");
            return ExitCodes.BadInput;
        }

        var predictions = new SentimentSummary[items.Count];
        var stopwatch = Stopwatch.StartNew();
        for (int i = 0; i < items.Count; i++)
        {
            predictions[i] = engine.Summarize(items[i].Text, items[i].Role);
        }

        stopwatch.Stop();
        double textsPerSecond = items.Count / Math.Max(stopwatch.Elapsed.TotalSeconds, 1e-9);

        // Dialogue turns are reported per speaker; a sentence file as a whole, and per speaker too when
        // its lines name more than one.
        var indexed = items.Select((item, i) => (item, i)).ToList();
        var bySpeaker = indexed.GroupBy(x => x.item.Role.ToString().ToLowerInvariant()).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var groups = dialogues
            ? bySpeaker
            : bySpeaker.Count > 1 ? indexed.GroupBy(_ => "all").Concat(bySpeaker).ToList() : indexed.GroupBy(_ => "all").ToList();

        var reports = new List<(string Group, bool Binary, ConfusionMatrix Matrix)>();
        foreach (var group in groups)
        {
            bool binary = group.All(x => x.item.Label != "neutral");
            var matrix = new ConfusionMatrix(binary ? ["negative", "positive"] : LabeledFile.Labels);
            foreach (var (item, i) in group)
            {
                matrix.Add(item.Label, Predicted(predictions[i], binary));
            }

            reports.Add((group.Key, binary, matrix));
        }

        var scorer = new ConversationScorer(engine, new ConversationScorerOptions());
        var conversationScores = conversations.ConvertAll(c => scorer.Score(c.Conversation));
        reports.AddRange(EvaluateConversations(conversations, conversationScores));

        if (predictionsFile is not null)
        {
            try
            {
                WritePredictions(predictionsFile, items, predictions, conversations, conversationScores);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: {predictionsFile.FullName}: {ex.Message}");
                return ExitCodes.BadInput;
            }
        }

        if (json)
        {
            WriteJson(output, file.Name, engine, split, items.Count, textsPerSecond, reports);
        }
        else
        {
            WriteText(output, file.Name, engine, split, items.Count, textsPerSecond, reports);
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// Scores the dialogues that carry conversation-level labels as whole conversations, with the default
    /// aggregation, and reports each labeled aspect: overall, the two sides, the shift's ends, resolution.
    /// </summary>
    private static List<(string Group, bool Binary, ConfusionMatrix Matrix)> EvaluateConversations(List<LabeledConversation> conversations, List<ConversationScore> scores)
    {
        var reports = new List<(string Group, bool Binary, ConfusionMatrix Matrix)>();
        foreach (var (aspect, _, classes) in ConversationAspects.All)
        {
            var matrix = new ConfusionMatrix(classes);
            for (int i = 0; i < conversations.Count; i++)
            {
                if (conversations[i].Labels.TryGetValue(aspect, out var gold) && ConversationAspects.Predicted(scores[i], aspect) is { } predicted)
                {
                    matrix.Add(gold, predicted);
                }
            }

            if (matrix.Total > 0)
            {
                reports.Add((aspect, false, matrix));
            }
        }

        return reports;
    }

    /// <summary>One JSON line per scored text, then one per labeled conversation aspect.</summary>
    private static void WritePredictions(FileInfo file, List<LabeledText> items, SentimentSummary[] predictions, List<LabeledConversation> conversations, List<ConversationScore> scores)
    {
        using var stream = file.Create();
        using var writer = new Utf8JsonWriter(stream);
        var newline = "\n"u8.ToArray();
        void EndLine()
        {
            writer.Flush();
            stream.Write(newline);
            writer.Reset();
        }

        bool binary = items.TrueForAll(item => item.Label != "neutral");
        for (int i = 0; i < items.Count; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("id", items[i].Key);
            writer.WriteString("speaker", items[i].Role.ToString().ToLowerInvariant());
            writer.WriteString("label", items[i].Label);
            writer.WriteString("predicted", Predicted(predictions[i], binary));
            writer.WriteNumber("score", Math.Round(predictions[i].Score, 3));
            writer.WriteString("text", items[i].Text);
            writer.WriteEndObject();
            EndLine();
        }

        for (int i = 0; i < conversations.Count; i++)
        {
            foreach (var (aspect, gold) in conversations[i].Labels)
            {
                writer.WriteStartObject();
                writer.WriteString("id", conversations[i].Key);
                writer.WriteString("aspect", aspect);
                writer.WriteString("label", gold);
                if (ConversationAspects.Predicted(scores[i], aspect) is { } predicted)
                {
                    writer.WriteString("predicted", predicted);
                }
                else
                {
                    writer.WriteNull("predicted");
                }

                writer.WriteNumber("overall", scores[i].Overall.Score);
                writer.WriteString("shift", scores[i].Shift.ToString());
                writer.WriteString("explanation", scores[i].Explanation);
                writer.WriteEndObject();
                EndLine();
            }
        }
    }

    private static string Predicted(SentimentSummary summary, bool binary) =>
        binary
            ? summary.Score >= 0 ? "positive" : "negative"
            : summary.Label switch
            {
                SentimentLabel.Positive => "positive",
                SentimentLabel.Negative => "negative",
                _ => "neutral",
            };

    private static void WriteText(TextWriter output, string name, BuiltInEngine engine, string split, int n, double textsPerSecond, List<(string Group, bool Binary, ConfusionMatrix Matrix)> reports)
    {
        var inv = CultureInfo.InvariantCulture;
        string speed = n == 0 ? "no labeled texts, conversations only" : string.Create(inv, $"{textsPerSecond:N0} texts/s");
        output.WriteLine(string.Create(inv, $"{name}: n={n}, {speed} (one thread, {engine.Method}{(engine.HasLearnedModel ? "" : ", rules only")})"));
        output.WriteLine($"split: {split}");
        foreach (var (group, binary, matrix) in reports)
        {
            output.WriteLine();
            output.WriteLine(string.Create(inv, $"[{group}] n={matrix.Total}{(binary ? " (binary: neutral resolved by sign)" : "")}  accuracy={matrix.Accuracy:F3}  macro-F1={matrix.MacroF1:F3}"));
            output.WriteLine("  class        precision  recall     f1  support");
            foreach (var label in matrix.Labels)
            {
                var m = matrix.Metrics(label);
                output.WriteLine(string.Create(inv, $"  {label,-10} {m.Precision,10:F3} {m.Recall,7:F3} {m.F1,6:F3} {m.Support,8}"));
            }

            output.WriteLine("  confusion (rows gold, columns predicted):");
            output.WriteLine("  " + new string(' ', 10) + string.Concat(matrix.Labels.Select(l => l[..3].PadLeft(8))));
            foreach (var gold in matrix.Labels)
            {
                output.WriteLine(string.Create(inv, $"  {gold,-10}") + string.Concat(matrix.Labels.Select(p => matrix[gold, p].ToString(inv).PadLeft(8))));
            }
        }
    }

    private static void WriteJson(TextWriter output, string name, BuiltInEngine engine, string split, int n, double textsPerSecond, List<(string Group, bool Binary, ConfusionMatrix Matrix)> reports)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            // The headline numbers are the turns': the whole file's when it has an "all" group, else pooled
            // over the speakers; conversation aspects are reported in their own groups.
            var turns = reports.Where(r => !IsConversationAspect(r.Group)).ToList();
            var first = turns[0].Matrix;
            w.WriteStartObject();
            w.WriteString("file", name);
            w.WriteString("method", engine.Method.ToString());
            w.WriteBoolean("learned_model", engine.HasLearnedModel);
            w.WriteString("split", split);
            w.WriteNumber("n", n);
            bool whole = turns.Count == 1 || turns[0].Group == "all";
            w.WriteNumber("accuracy", Math.Round(whole ? first.Accuracy : Pooled(turns), 4));
            w.WriteNumber("macro_f1", Math.Round(whole ? first.MacroF1 : turns.Average(r => r.Matrix.MacroF1), 4));
            w.WriteNumber("texts_per_second", Math.Round(textsPerSecond));
            w.WriteStartArray("groups");
            foreach (var (group, binary, matrix) in reports)
            {
                w.WriteStartObject();
                w.WriteString(IsConversationAspect(group) ? "aspect" : "speaker", group);
                w.WriteBoolean("binary", binary);
                w.WriteNumber("n", matrix.Total);
                w.WriteNumber("accuracy", Math.Round(matrix.Accuracy, 4));
                w.WriteNumber("macro_f1", Math.Round(matrix.MacroF1, 4));
                w.WriteStartObject("per_class");
                foreach (var label in matrix.Labels)
                {
                    var m = matrix.Metrics(label);
                    w.WriteStartObject(label);
                    w.WriteNumber("precision", Math.Round(m.Precision, 4));
                    w.WriteNumber("recall", Math.Round(m.Recall, 4));
                    w.WriteNumber("f1", Math.Round(m.F1, 4));
                    w.WriteNumber("support", m.Support);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
                w.WriteStartObject("confusion");
                foreach (var gold in matrix.Labels)
                {
                    w.WriteStartObject(gold);
                    foreach (var predicted in matrix.Labels)
                    {
                        w.WriteNumber(predicted, matrix[gold, predicted]);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static bool IsConversationAspect(string group) => Array.Exists(ConversationAspects.All, a => a.Aspect == group);

    private static double Pooled(List<(string Group, bool Binary, ConfusionMatrix Matrix)> reports) =>
        reports.Sum(r => r.Matrix.Accuracy * r.Matrix.Total) / reports.Sum(r => r.Matrix.Total);
}
