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
/// Dialogue files are reported per speaker.
/// </remarks>
internal static class EvalCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "JSONL with {\"text\",\"label\"} lines or {\"turns\":[...]} dialogues." };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON." };
        var role = new Option<SpeakerRole>("--role") { Description = "Speaker role for sentence files.", DefaultValueFactory = _ => SpeakerRole.Customer };
        var command = new Command("eval", "Measure the engine's accuracy on a labeled file.") { file, json, role };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(role), parse.GetValue(json), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(FileInfo file, SpeakerRole role, bool json, TextWriter output, TextWriter error)
    {
        if (!file.Exists)
        {
            error.WriteLine($"error: {file.FullName}: no such file.");
            return ExitCodes.BadInput;
        }

        List<LabeledText> items;
        bool dialogues;
        try
        {
            items = LabeledFile.Read(file.FullName, role, out dialogues);
        }
        catch (FormatException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }

        if (items.Count == 0)
        {
            error.WriteLine($"error: {file.FullName}: no labeled texts.");
            return ExitCodes.BadInput;
        }

        var engine = BuiltInEngine.Default;
        var predictions = new SentimentSummary[items.Count];
        var stopwatch = Stopwatch.StartNew();
        for (int i = 0; i < items.Count; i++)
        {
            predictions[i] = engine.Summarize(items[i].Text, items[i].Role);
        }

        stopwatch.Stop();
        double textsPerSecond = items.Count / Math.Max(stopwatch.Elapsed.TotalSeconds, 1e-9);

        var groups = dialogues
            ? items.Select((item, i) => (item, i)).GroupBy(x => x.item.Role.ToString().ToLowerInvariant()).OrderBy(g => g.Key, StringComparer.Ordinal)
            : items.Select((item, i) => (item, i)).GroupBy(_ => "all");

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

        if (json)
        {
            WriteJson(output, file.Name, items.Count, textsPerSecond, reports);
        }
        else
        {
            WriteText(output, file.Name, items.Count, textsPerSecond, reports);
        }

        return ExitCodes.Success;
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

    private static void WriteText(TextWriter output, string name, int n, double textsPerSecond, List<(string Group, bool Binary, ConfusionMatrix Matrix)> reports)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"{name}: n={n}, {textsPerSecond:N0} texts/s (one thread, {BuiltInEngine.Default.Method})"));
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

    private static void WriteJson(TextWriter output, string name, int n, double textsPerSecond, List<(string Group, bool Binary, ConfusionMatrix Matrix)> reports)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            var first = reports[0].Matrix;
            w.WriteStartObject();
            w.WriteString("file", name);
            w.WriteString("method", BuiltInEngine.Default.Method.ToString());
            w.WriteNumber("n", n);
            w.WriteNumber("accuracy", Math.Round(reports.Count == 1 ? first.Accuracy : Pooled(reports), 4));
            w.WriteNumber("macro_f1", Math.Round(reports.Count == 1 ? first.MacroF1 : reports.Average(r => r.Matrix.MacroF1), 4));
            w.WriteNumber("texts_per_second", Math.Round(textsPerSecond));
            w.WriteStartArray("groups");
            foreach (var (group, binary, matrix) in reports)
            {
                w.WriteStartObject();
                w.WriteString("speaker", group);
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

    private static double Pooled(List<(string Group, bool Binary, ConfusionMatrix Matrix)> reports) =>
        reports.Sum(r => r.Matrix.Accuracy * r.Matrix.Total) / reports.Sum(r => r.Matrix.Total);
}
