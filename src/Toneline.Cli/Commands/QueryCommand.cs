using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Toneline.Cli.Storage;
using Toneline.Storage;
using Toneline.Storage.Queries;

namespace Toneline.Cli.Commands;

/// <summary>The <c>query</c> verb: search and analytics over stored conversations, as tables or JSON.</summary>
internal static partial class QueryCommand
{
    public static Command Create() => new("query", "Search and analyze stored conversations.")
    {
        Search(),
        Simple("summary", "Conversation counts and shares per band.", (q, f, _, ct) => Box(q.SummaryAsync(f, ct)), WriteSummary),
        Simple("kpis", "Headline KPIs: volume, averages, net sentiment, share negative and its health, recovery.", (q, f, _, ct) => Box(q.KpisAsync(f, ct)), WriteKpis),
        Simple("compare", "KPIs against the previous period of equal length, with significance.", (q, f, _, ct) => Box(q.CompareAsync(f, ct)), WriteComparison),
        Simple("drilldown", "Organization → group (--group) → agent (--agent) → conversations.", (q, f, _, ct) => Box(q.DrilldownAsync(f, ct)), WriteDrilldown),
        Simple("timeseries", "KPIs per day or week (--by-week).", (q, f, p, ct) => Box(q.TimeSeriesAsync(f, p.ByWeek ? TimeBucket.Week : TimeBucket.Day, ct)), WriteTimeSeries),
        Simple("heatmap", "Group (or --by-agent) × day: volume, negatives, positives, average.", (q, f, p, ct) => Box(q.HeatmapAsync(f, p.ByAgent ? HeatmapRows.Agent : HeatmapRows.Group, ct)), WriteHeatmap),
        Simple("drivers", "Topics and phrases that concentrate negatives, and what moved share negative.", (q, f, _, ct) => Box(q.DriversAsync(f, 10, ct)), WriteDrivers),
    };

    private static async Task<object> Box<T>(Task<T> task)
        where T : notnull => await task.ConfigureAwait(false);

    private static Command Simple(
        string name,
        string description,
        Func<IConversationQueries, ConversationFilter, (bool ByWeek, bool ByAgent), CancellationToken, Task<object>> query,
        Action<IAnsiConsole, object> table)
    {
        var db = StorageOptions.Db();
        var json = StorageOptions.Json();
        var filter = new FilterOptions();
        var byWeek = new Option<bool>("--by-week") { Description = "Weekly points (timeseries)." };
        var byAgent = new Option<bool>("--by-agent") { Description = "Agents as rows (heatmap)." };
        var command = new Command(name, description) { db, json };
        if (name == "timeseries")
        {
            command.Options.Add(byWeek);
        }

        if (name == "heatmap")
        {
            command.Options.Add(byAgent);
        }

        filter.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var database = await ConversationDatabase.OpenAndMigrateAsync(parse.GetValue(db)!, cancellationToken: cancellationToken).ConfigureAwait(false);
            var result = await query(database.Queries, filter.Read(parse), (parse.GetValue(byWeek), parse.GetValue(byAgent)), cancellationToken).ConfigureAwait(false);
            Write(parse, parse.GetValue(json), result, table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(ParseResult parse, bool json, object result, Action<IAnsiConsole, object> table)
    {
        var output = parse.InvocationConfiguration.Output;
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(result, result.GetType(), new JsonSerializerOptions(SearchExport.JsonOptions) { WriteIndented = true }));
            return;
        }

        table(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) }), result);
    }

    private static string Percent(double? share) => share is { } s ? s.ToString("P1", CultureInfo.InvariantCulture) : "–";

    private static string Number(double? value, string format = "F1") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
}
