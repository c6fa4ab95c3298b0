using System.CommandLine;
using Toneline.Cli.Storage;
using Toneline.Storage;

namespace Toneline.Cli.Commands;

/// <summary>The <c>db</c> verb: <c>toneline db migrate</c> applies pending schema migrations.</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var db = StorageOptions.Db();
        var migrate = new Command("migrate", "Create the database or bring its schema up to date.") { db };
        migrate.SetAction(async (parse, cancellationToken) =>
        {
            await using var database = ConversationDatabase.Open(parse.GetValue(db)!);
            var applied = await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine(applied.Count == 0
                ? $"{database.Provider}: schema is up to date."
                : $"{database.Provider}: applied {string.Join(", ", applied)}.");
            return ExitCodes.Success;
        });
        return new Command("db", "Manage the conversation database.") { migrate };
    }
}
