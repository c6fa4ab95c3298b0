using System.CommandLine;
using Toneline.Cli.Storage;
using Toneline.Storage;
using Toneline.Storage.Ingestion;

namespace Toneline.Cli.Commands;

/// <summary>The <c>rescore</c> verb: scores stored conversations with another method, keeping older scores.</summary>
internal static class RescoreCommand
{
    public static Command Create()
    {
        var method = new Option<string>("--method") { Description = "Scoring method: " + string.Join(", ", ScorerRegistry.Names), Required = true };
        var group = new Option<string?>("--group") { Description = "Only this group's conversations." };
        var db = StorageOptions.Db();
        var command = new Command("rescore", "Re-score stored conversations; interrupted runs continue where they stopped.") { method, group, db };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (ScorerRegistry.Create(parse.GetValue(method)!) is not { } scorer)
            {
                error.WriteLine($"error: unknown --method '{parse.GetValue(method)}'; use one of: {string.Join(", ", ScorerRegistry.Names)}.");
                return ExitCodes.Usage;
            }

            await using var database = await ConversationDatabase.OpenAndMigrateAsync(parse.GetValue(db)!, cancellationToken: cancellationToken).ConfigureAwait(false);
            var (total, done) = await database.Store.CountAsync(scorer.Method, cancellationToken).ConfigureAwait(false);
            var importer = new ConversationImporter(database.Store, scorer);
            var summary = await ImportProgressDisplay.RunAsync(
                $"rescore {scorer.Method}",
                total - done,
                p => p.Read,
                progress => importer.RescoreAsync(parse.GetValue(group), progress, cancellationToken)).ConfigureAwait(false);
            ImportProgressDisplay.WriteSummary(summary, error);
            return summary.Failed > 0 ? ExitCodes.BadInput : ExitCodes.Success;
        });
        return command;
    }
}
