using System.Diagnostics;
using System.Globalization;
using Toneline.Core.Conversations;
using Toneline.Storage;
using Toneline.Storage.Demo;
using Toneline.Storage.Ingestion;
using Toneline.Storage.Queries;

// Usage: Toneline.Storage.Benchmarks <db> <conversations> [days] [--skip-import | --import-only] [--batch N] [--scoring-threads N] [--keep-indexes]
// Imports N demo conversations (scored by the built-in scorer) into <db>, then times queries.
var db = args.Length > 0 ? args[0] : "bench.db";
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var days = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 90;
var skipImport = args.Contains("--skip-import");
var importOnly = args.Contains("--import-only");
var batchAt = Array.IndexOf(args, "--batch");
var threadsAt = Array.IndexOf(args, "--scoring-threads");
var importOptions = new ImportOptions();
importOptions = batchAt >= 0 ? importOptions with { BatchSize = int.Parse(args[batchAt + 1], CultureInfo.InvariantCulture) } : importOptions;
importOptions = threadsAt >= 0 ? importOptions with { ScoringParallelism = int.Parse(args[threadsAt + 1], CultureInfo.InvariantCulture) } : importOptions;
importOptions = args.Contains("--keep-indexes") ? importOptions with { DeferIndexesAfter = long.MaxValue } : importOptions;
var end = new DateOnly(2026, 3, 31);
var time = new BenchmarkClock(end);

await using var database = await ConversationDatabase.OpenAndMigrateAsync(db, time);
Console.WriteLine($"provider {database.Provider}, {count:N0} conversations over {days} days");

var options = new DemoOptions { Conversations = count, Days = days, Seed = 1, EndDate = end };
var scorer = ConversationScorer.CreateDefault();
var sample = new DemoGenerator(options with { Conversations = Math.Min(count, 2000) }).Generate().ToList();
var watch = Stopwatch.StartNew();
foreach (var conversation in sample)
{
    scorer.Score(conversation);
}

Console.WriteLine($"scoring alone (1 thread): {sample.Count / watch.Elapsed.TotalSeconds:N0} conversations/s, {sample.Average(c => c.Turns.Count):F1} turns each");

if (!skipImport)
{
    watch.Restart();
    var peak = 0L;
    var importer = new ConversationImporter(database.Store, scorer, importOptions);
    var summary = await importer.ImportAsync(
        new DemoGenerator(options).Generate(),
        new Progress<ImportProgress>(_ => peak = Math.Max(peak, Environment.WorkingSet)));
    Console.WriteLine(
        $"import+score+store: {summary.Stored:N0} stored, {summary.Unchanged:N0} unchanged in {watch.Elapsed.TotalSeconds:N1} s " +
        $"({summary.Read / watch.Elapsed.TotalSeconds:N0}/s), peak working set {peak / 1048576:N0} MiB");
}

if (importOnly)
{
    return;
}

var last30 = new ConversationFilter { From = end.AddDays(-29), To = end };
var searches = new (string Name, SearchRequest Request)[]
{
    ("newest", new SearchRequest(new ConversationFilter())),
    ("last 30 days, negative", new SearchRequest(last30 with { Bands = [ScoreBand.Negative, ScoreBand.VeryNegative] })),
    ("group + date, by score", new SearchRequest(last30 with { Group = "Technical Support" }, SortField.Overall, Descending: false)),
    ("agent", new SearchRequest(new ConversationFilter { AgentId = "agent-007" })),
    ("topic + channel + duration", new SearchRequest(new ConversationFilter { Topic = "refund", Channels = [Channel.Chat], MinDurationSeconds = 300 })),
    ("customer", new SearchRequest(new ConversationFilter { CustomerId = "cust-000043" })),
    ("text in transcript", new SearchRequest(new ConversationFilter { Text = "router blinking" })),
    ("text + last 30 days", new SearchRequest(last30 with { Text = "refund", TextIn = Toneline.Storage.Database.TextTarget.Any })),
    ("shift + customer score", new SearchRequest(new ConversationFilter { Shifts = [Shift.NegativeToPositive], MaxCustomer = 50 }, SortField.CustomerScore)),
    ("sorted by agent, page 2", new SearchRequest(new ConversationFilter(), SortField.Agent, Descending: false)),
};

foreach (var (name, request) in searches)
{
    var actual = request;
    if (name.EndsWith("page 2", StringComparison.Ordinal))
    {
        actual = request with { After = (await database.Queries.SearchAsync(request)).Next };
    }

    await Report($"search: {name}", 20, async () => (await database.Queries.SearchAsync(actual)).Items.Count);
}

await Report("summary (30 days)", 5, async () => (await database.Queries.SummaryAsync(last30)).Count);
await Report("kpis (30 days)", 5, async () => (int)(await database.Queries.KpisAsync(last30)).Count);
await Report("compare (30 days)", 5, async () => (await database.Queries.CompareAsync(last30)).Deltas.Count);
await Report("drilldown org (30 days)", 5, async () => (await database.Queries.DrilldownAsync(last30)).Rows.Count);
await Report("timeseries weekly (all)", 5, async () => (await database.Queries.TimeSeriesAsync(new ConversationFilter(), TimeBucket.Week)).Count);
await Report("heatmap group x day (30 days)", 5, async () => (await database.Queries.HeatmapAsync(last30, HeatmapRows.Group)).Cells.Count);
await Report("heatmap agent x day (30 days)", 5, async () => (await database.Queries.HeatmapAsync(last30, HeatmapRows.Agent)).Cells.Count);
await Report("drivers (30 days)", 5, async () => (await database.Queries.DriversAsync(last30)).Topics.Count);

// The call summary by agent: one grouped query, against the per-agent summaries the web layer ran
// before it (a drill-down per group, then SummaryAsync per agent). A score range sends a filter
// past the daily rollup to the conversations table.
foreach (var (label, filter) in new[] { ("30 days", last30), ("30 days, score range", last30 with { MinOverall = -100 }) })
{
    await Report($"band report per agent, old ({label})", 5, () => PerAgentBandReportAsync(database.Queries, filter));
    await Report($"band report per agent ({label})", 5, async () => (await database.Queries.BandReportAsync(filter, byAgent: true)).Count);
}

static async Task<int> PerAgentBandReportAsync(IConversationQueries queries, ConversationFilter filter)
{
    var rows = 0;
    foreach (var group in (await queries.DrilldownAsync(filter)).Rows)
    {
        var groupFilter = filter with { Group = group.Key };
        foreach (var agent in (await queries.DrilldownAsync(groupFilter)).Rows)
        {
            await queries.SummaryAsync(groupFilter with { AgentId = agent.Key });
            rows++;
        }
    }

    return rows;
}

static async Task Report(string name, int runs, Func<Task<int>> query)
{
    var rows = await query(); // warm-up
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await query();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    double Percentile(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
    Console.WriteLine($"{name,-34} p50 {Percentile(0.5),8:F1} ms   p95 {Percentile(0.95),8:F1} ms   ({rows} rows)");
}

internal sealed class BenchmarkClock(DateOnly today) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero);
}
