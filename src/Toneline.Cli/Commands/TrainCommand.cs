using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Toneline.Cli.Training;
using Toneline.Core.Evaluation;
using Toneline.Core.Scoring.BuiltIn;
using Toneline.Core.Scoring.BuiltIn.Training;

namespace Toneline.Cli.Commands;

/// <summary>The <c>train</c> verb: trains the learned layer of the built-in engine, reproducibly.</summary>
/// <remarks>
/// Every source is split into five folds by a hash of the item id (<see cref="DataSplit"/>); fold 0 is
/// held out and never trained on. <c>--cv</c> reports 4-fold cross-validation over folds 1–4, which is
/// what hyperparameters are chosen on; the final model trains on folds 1–4.
/// </remarks>
internal static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "Folder with the public labeled files.", DefaultValueFactory = _ => new DirectoryInfo("../shared/data") };
        var corpus = new Option<DirectoryInfo>("--corpus") { Description = "Folder with our in-domain corpus (*.jsonl).", DefaultValueFactory = _ => new DirectoryInfo("corpus") };
        var output = new Option<FileInfo?>("--output") { Description = "Where to write the model (default: the engine's embedded data file)." };
        var cv = new Option<bool>("--cv") { Description = "Report 4-fold cross-validation on the training folds before training." };
        var predictions = new Option<FileInfo?>("--cv-predictions") { Description = "With --cv: write every fold 1-4 text with its label and cross-validated prediction to this JSONL file, for error analysis." };
        var dialogues = new Option<bool>("--with-dialogues") { Description = "Also train on the satisfaction-rated dialogue turns." };
        var bits = new Option<int>("--bits") { DefaultValueFactory = _ => new TrainerOptions().Bits, Description = "Log2 of the number of weight buckets." };
        var epochs = new Option<int>("--epochs") { DefaultValueFactory = _ => new TrainerOptions().Epochs };
        var rate = new Option<double>("--learning-rate") { DefaultValueFactory = _ => new TrainerOptions().LearningRate };
        var l2 = new Option<double>("--l2") { DefaultValueFactory = _ => new TrainerOptions().L2 };
        var noBalance = new Option<bool>("--no-balance") { Description = "Weigh every example alike instead of balancing sources and classes." };
        var sourceWeights = new Option<string[]>("--source-weight") { Description = "FILE=WEIGHT: how much a source counts relative to the others (default 1, and 0.25 for our general-domain files).", AllowMultipleArgumentsPerToken = false };
        var sourceBias = new Option<double>("--source-bias") { Description = "Train a bias offset per source with this L2 penalty (0: off)." };
        var noAverage = new Option<bool>("--no-average") { Description = "Keep the last weights instead of averaging the later epochs." };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => new TrainerOptions().Seed, Description = "Seed of the example shuffle: another seed shows how much of a difference is chance." };
        var command = new Command("train", "Train the built-in engine's learned layer on labeled data (fold 0 held out).")
        {
            data, corpus, output, cv, predictions, dialogues, bits, epochs, rate, l2, noBalance, noAverage, sourceWeights, sourceBias, seed,
        };
        command.SetAction(parse =>
        {
            if (!TryParseWeights(parse.GetValue(sourceWeights) ?? [], out var weights, out string? problem))
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: --source-weight: {problem}");
                return ExitCodes.Usage;
            }

            var options = new TrainerOptions
            {
                Bits = parse.GetValue(bits),
                Epochs = parse.GetValue(epochs),
                LearningRate = parse.GetValue(rate),
                L2 = parse.GetValue(l2),
                Balance = !parse.GetValue(noBalance),
                Average = !parse.GetValue(noAverage),
                SourceWeights = weights,
                SourceBias = parse.GetValue(sourceBias),
                Seed = parse.GetValue(seed),
            };
            var predictionsFile = parse.GetValue(predictions);
            if (predictionsFile is not null && !parse.GetValue(cv))
            {
                parse.InvocationConfiguration.Error.WriteLine("error: --cv-predictions needs --cv.");
                return ExitCodes.Usage;
            }

            return Run(parse.GetValue(data)!, parse.GetValue(corpus)!, parse.GetValue(output), parse.GetValue(cv), predictionsFile, parse.GetValue(dialogues), options, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    /// <summary>The default source weights, overridden file by file by <c>--source-weight FILE=WEIGHT</c>.</summary>
    private static bool TryParseWeights(string[] values, out Dictionary<string, double> weights, out string? problem)
    {
        weights = new Dictionary<string, double>(TrainingSources.DefaultSourceWeights, StringComparer.Ordinal);
        problem = null;
        foreach (string value in values)
        {
            var parts = value.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double weight) || !(weight >= 0))
            {
                problem = $"'{value}' is not FILE=WEIGHT with a weight of 0 or more (e.g. reviews.jsonl=0.5).";
                return false;
            }

            weights[parts[0]] = weight;
        }

        return true;
    }

    internal static int Run(
        DirectoryInfo data, DirectoryInfo corpus, FileInfo? output, bool cv, FileInfo? cvPredictions, bool withDialogues, TrainerOptions options, TextWriter stdout, TextWriter stderr)
    {
        var files = TrainingSources.PublicFiles.Concat(withDialogues ? TrainingSources.DialogueFiles : [])
            .Select(f => Path.Combine(data.FullName, f))
            .Concat(corpus.Exists ? corpus.EnumerateFiles("*.jsonl").OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.FullName) : [])
            .ToList();
        var missing = files.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            stderr.WriteLine($"error: training files not found: {string.Join(", ", missing)}. Pass --data with the folder of the labeled files.");
            return ExitCodes.BadInput;
        }

        List<TrainingExample> all;
        try
        {
            all = files.SelectMany(TrainingSources.Load).ToList();
        }
        catch (FormatException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }

        var pool = all.Where(e => !DataSplit.IsHoldout(e.Key)).ToList();
        var sources = files.Select(Path.GetFileName).ToList();
        stdout.WriteLine($"{all.Count} labeled texts from {files.Count} files; training on folds 1-4 ({pool.Count}), fold 0 held out ({all.Count - pool.Count}).");

        // Rules only: training must not depend on the model it replaces.
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false }).Rules;
        if (cv)
        {
            using var predictionsWriter = cvPredictions is null ? null : new StreamWriter(cvPredictions.FullName);
            CrossValidate(pool, sources!, options, rules, stdout, predictionsWriter);
        }

        var stopwatch = Stopwatch.StartNew();
        string description = string.Create(
            CultureInfo.InvariantCulture,
            $"toneline train on folds 1-4 of {string.Join(", ", sources)} ({pool.Count} texts; fold 0 held out); bits={options.Bits} epochs={options.Epochs} lr={options.LearningRate} l2={options.L2} balanced={options.Balance} averaged={options.Average} seed={options.Seed}");
        var model = new ModelTrainer(rules, options).Train(pool, sources!, description);
        var path = output?.FullName ?? Path.Combine("src", "Toneline.Core", "Scoring", "Data", LinearModel.ResourceName);
        using (var stream = File.Create(path))
        {
            model.Save(stream);
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bias: negative {model.Bias[0]:F3}, positive {model.Bias[1]:F3}"));
        for (int j = 0; j < DenseFeatures.Count; j++)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dense {DenseFeatures.Names[j],-22} negative {model.Dense[2 * j],7:F3}  positive {model.Dense[(2 * j) + 1],7:F3}"));
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained in {stopwatch.Elapsed.TotalSeconds:F1} s; wrote {path} ({new FileInfo(path).Length:N0} bytes). Rebuild to embed it."));
        return ExitCodes.Success;
    }

    private static void CrossValidate(
        List<TrainingExample> pool, IReadOnlyList<string> sources, TrainerOptions options, RuleScorer rules, TextWriter stdout, TextWriter? predictions)
    {
        var matrices = new Dictionary<string, ConfusionMatrix>(StringComparer.Ordinal);
        for (int fold = 1; fold < DataSplit.Folds; fold++)
        {
            int held = fold;
            var train = pool.Where(e => DataSplit.FoldOf(e.Key) != held).ToList();
            var test = pool.Where(e => DataSplit.FoldOf(e.Key) == held).ToList();
            var model = new ModelTrainer(rules, options).Train(train, sources, "cv");
            var engine = new BuiltInEngine(new BuiltInEngineOptions(), model);
            foreach (var example in test)
            {
                var summary = engine.Summarize(example.Text, example.Role);
                if (!matrices.TryGetValue(example.Source, out var matrix))
                {
                    matrix = new ConfusionMatrix(example.Binary ? ["negative", "positive"] : ["negative", "neutral", "positive"]);
                    matrices.Add(example.Source, matrix);
                }

                string predicted = example.Binary
                    ? summary.Score >= 0 ? "positive" : "negative"
                    : summary.Label.ToString().ToLowerInvariant();
                string label = example.Label.ToString().ToLowerInvariant();
                matrix.Add(label, predicted);
                predictions?.WriteLine(JsonSerializer.Serialize(new CvPrediction(example.Source, example.Key, held, label, predicted, Math.Round(summary.Score, 3), example.Text), PredictionJson));
            }
        }

        stdout.WriteLine("4-fold cross-validation on folds 1-4 (never the held-out fold 0):");
        foreach (var (source, matrix) in matrices.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var recalls = string.Join(" ", matrix.Labels.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l[..3]} P{matrix.Metrics(l).Precision:F2}/R{matrix.Metrics(l).Recall:F2}")));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {source,-34} n={matrix.Total,6}  accuracy={matrix.Accuracy:F3}  macro-F1={matrix.MacroF1:F3}  {recalls}"));
        }
    }

    private static readonly JsonSerializerOptions PredictionJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record CvPrediction(string Source, string Id, int Fold, string Label, string Predicted, double Score, string Text);
}
