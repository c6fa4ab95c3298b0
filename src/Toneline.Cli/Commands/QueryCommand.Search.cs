using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Toneline.Cli.Storage;
using Toneline.Storage;
using Toneline.Storage.Queries;

namespace Toneline.Cli.Commands;

internal static partial class QueryCommand
{
    private static Command Search()
    {
        var db = StorageOptions.Db();
        var json = StorageOptions.Json();
        var filter = new FilterOptions();
        var sort = new Option<SortField>("--sort") { Description = "Sort by: " + string.Join(", ", Enum.GetNames<SortField>()), DefaultValueFactory = _ => SortField.StartTime };
        var ascending = new Option<bool>("--asc") { Description = "Ascending order (default descending)." };
        var limit = new Option<int>("--limit") { Description = "Results per page, 1..10000.", DefaultValueFactory = _ => 20 };
        var after = new Option<string?>("--after") { Description = "The next-page cursor printed by the previous page." };
        var export = new Option<string?>("--export") { Description = "Write every result (all pages) to this file: .csv or .json." };
        var command = new Command("search", "Find conversations by any combination of criteria.") { db, json, sort, ascending, limit, after, export };
        filter.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(limit) is < 1 or > 10_000)
            {
                error.WriteLine("error: --limit must be between 1 and 10000.");
                return ExitCodes.Usage;
            }

            await using var database = await ConversationDatabase.OpenAndMigrateAsync(parse.GetValue(db)!, cancellationToken: cancellationToken).ConfigureAwait(false);
            var request = new SearchRequest(filter.Read(parse), parse.GetValue(sort), !parse.GetValue(ascending), parse.GetValue(limit), parse.GetValue(after));
            if (parse.GetValue(export) is { } path)
            {
                var rows = SearchExport.AllAsync(database.Queries, request, cancellationToken);
                long count;
                if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                {
                    await using var stream = File.Create(path);
                    count = await SearchExport.WriteJsonAsync(rows, stream, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await using var writer = new StreamWriter(path);
                    count = await SearchExport.WriteCsvAsync(rows, writer, cancellationToken).ConfigureAwait(false);
                }

                error.WriteLine($"{count:N0} conversations written to {path}.");
                return ExitCodes.Success;
            }

            SearchPage page;
            try
            {
                page = await database.Queries.SearchAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                error.WriteLine($"error: {e.Message}");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(page, new JsonSerializerOptions(SearchExport.JsonOptions) { WriteIndented = true }));
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("Id", "Start (UTC)", "Channel", "Agent", "Group", "Topics", "Score", "Band", "Agent", "Customer", "Shift");
            foreach (var r in page.Items)
            {
                table.AddRow(
                    Markup.Escape(r.Id), r.StartTime?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "–", r.Channel.ToString(),
                    Markup.Escape(r.AgentName ?? r.AgentId ?? "–"), Markup.Escape(r.Group ?? "–"), Markup.Escape(string.Join(", ", r.Topics)),
                    Number(r.Overall, "D"), r.Band?.ToString() ?? "–", Number(r.AgentScore, "D"), Number(r.CustomerScore, "D"), r.Shift?.ToString() ?? "–");
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
            console.Write(table);
            if (page.Next is not null)
            {
                console.WriteLine($"Next page: --after {page.Next}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Number(int? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
}
