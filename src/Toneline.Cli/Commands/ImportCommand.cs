using System.CommandLine;
using Toneline.Cli.Input;
using Toneline.Cli.Storage;
using Toneline.Core.Formats;
using Toneline.Storage;
using Toneline.Storage.Ingestion;

namespace Toneline.Cli.Commands;

/// <summary>The <c>import</c> verb: reads transcripts, scores them and stores them, resumably.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Transcript files or directories (read recursively).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<TranscriptFormat>("--format", "-f") { Description = "Input format; detected by default.", DefaultValueFactory = _ => TranscriptFormat.Auto };
        var method = new Option<string>("--method") { Description = "Scoring method: " + string.Join(", ", ScorerRegistry.Names), DefaultValueFactory = _ => "builtin" };
        var batch = new Option<int>("--batch") { Description = "Conversations per transaction.", DefaultValueFactory = _ => 1000 };
        var db = StorageOptions.Db();
        var command = new Command("import", "Score transcripts and store them; re-running skips what is already stored.") { inputs, format, method, batch, db };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (ScorerRegistry.Create(parse.GetValue(method)!) is not { } scorer)
            {
                error.WriteLine($"error: unknown --method '{parse.GetValue(method)}'; use one of: {string.Join(", ", ScorerRegistry.Names)}.");
                return ExitCodes.Usage;
            }

            var files = InputFiles.Expand(parse.GetValue(inputs)!, out var missing).Where(f => f != "-").ToList();
            foreach (var path in missing)
            {
                error.WriteLine($"error: {path}: no such file or directory.");
            }

            if (files.Count == 0)
            {
                error.WriteLine("error: no transcript files to import; give files or directories.");
                return ExitCodes.BadInput;
            }

            var options = new ReadOptions { Format = parse.GetValue(format) };
            var sizes = files.ToDictionary(f => f, f => new FileInfo(f).Length, StringComparer.Ordinal);
            long done = 0;
            IEnumerable<ReadResult> Read()
            {
                foreach (var file in files)
                {
                    foreach (var result in ConversationReader.ReadFile(file, options))
                    {
                        yield return result;
                    }

                    Interlocked.Add(ref done, sizes[file]);
                }
            }

            await using var database = await ConversationDatabase.OpenAndMigrateAsync(parse.GetValue(db)!, cancellationToken: cancellationToken).ConfigureAwait(false);
            var importer = new ConversationImporter(database.Store, scorer, new ImportOptions { BatchSize = parse.GetValue(batch) });
            var summary = await ImportProgressDisplay.RunAsync(
                "import",
                sizes.Values.Sum(),
                _ => Interlocked.Read(ref done),
                progress => importer.ImportAsync(Read(), progress, cancellationToken)).ConfigureAwait(false);
            ImportProgressDisplay.WriteSummary(summary, error);
            return summary.Failed > 0 || missing.Count > 0 ? ExitCodes.BadInput : ExitCodes.Success;
        });
        return command;
    }
}
