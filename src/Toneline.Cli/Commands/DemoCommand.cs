using System.CommandLine;
using Toneline.Cli.Storage;
using Toneline.Core.Conversations;
using Toneline.Storage;
using Toneline.Storage.Demo;
using Toneline.Storage.Ingestion;

namespace Toneline.Cli.Commands;

/// <summary>The <c>demo</c> verb: generates synthetic conversations and imports them, scored by the built-in scorer.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--conversations", "-n") { Description = "How many conversations.", DefaultValueFactory = _ => 5000 };
        var days = new Option<int>("--days") { Description = "Over how many days, ending today (UTC).", DefaultValueFactory = _ => 90 };
        var seed = new Option<int>("--seed") { Description = "The same seed writes the same conversations.", DefaultValueFactory = _ => 42 };
        var end = new Option<DateOnly?>("--end") { Description = "The last day of data (yyyy-mm-dd); today by default." };
        var db = StorageOptions.Db();
        var command = new Command("demo", "Fill the database with realistic synthetic contact-center conversations.") { count, days, seed, end, db };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(count) < 0 || parse.GetValue(days) < 1)
            {
                error.WriteLine("error: --conversations must be 0 or more and --days 1 or more.");
                return ExitCodes.Usage;
            }

            var options = new DemoOptions
            {
                Conversations = parse.GetValue(count),
                Days = parse.GetValue(days),
                Seed = parse.GetValue(seed),
                EndDate = parse.GetValue(end) ?? DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime),
            };
            await using var database = await ConversationDatabase.OpenAndMigrateAsync(parse.GetValue(db)!, cancellationToken: cancellationToken).ConfigureAwait(false);
            var importer = new ConversationImporter(database.Store, ConversationScorer.CreateDefault());
            var summary = await ImportProgressDisplay.RunAsync(
                "demo",
                options.Conversations,
                p => p.Read,
                progress => importer.ImportAsync(new DemoGenerator(options).Generate(), progress, cancellationToken)).ConfigureAwait(false);
            ImportProgressDisplay.WriteSummary(summary, error);
            parse.InvocationConfiguration.Output.WriteLine(
                $"{options.Conversations:N0} demo conversations over {options.Days} days up to {options.EndDate:yyyy-MM-dd} are in {database.Provider}. Try: toneline query kpis --db {parse.GetValue(db)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
