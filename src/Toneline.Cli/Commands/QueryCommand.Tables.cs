using System.Globalization;
using Spectre.Console;
using Toneline.Core.Conversations;
using Toneline.Storage.Queries;

namespace Toneline.Cli.Commands;

internal static partial class QueryCommand
{
    private static void WriteSummary(IAnsiConsole console, object result)
    {
        var summary = (IReadOnlyDictionary<ScoreBand, long>)result;
        var total = summary.Values.Sum();
        var table = new Table().AddColumns("Band", "Conversations", "Share");
        foreach (var (band, count) in summary.OrderBy(p => p.Key))
        {
            table.AddRow(band.DisplayName(), count.ToString("N0", CultureInfo.InvariantCulture), Percent(total == 0 ? null : count / (double)total));
        }

        console.Write(table);
    }

    private static void WriteKpis(IAnsiConsole console, object result) => console.Write(KpiTable((Kpis)result));

    private static Table KpiTable(Kpis k)
    {
        var table = new Table().AddColumns("KPI", "Value");
        table.AddRow("Conversations scored", k.Count.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("Average overall / agent / customer", $"{Number(k.AverageOverall)} / {Number(k.AverageAgent)} / {Number(k.AverageCustomer)}");
        table.AddRow("Net sentiment", Percent(k.NetSentiment));
        table.AddRow("Share negative", $"{Percent(k.ShareNegative)} ({k.Health?.ToString() ?? "–"})");
        table.AddRow("Share neutral", Percent(k.ShareNeutral));
        table.AddRow("Agent recovery rate", $"{Percent(k.RecoveryRate)} of {k.StartedNegative.ToString("N0", CultureInfo.InvariantCulture)} that started negative");
        return table;
    }

    private static void WriteComparison(IAnsiConsole console, object result)
    {
        var c = (KpiComparison)result;
        var table = new Table()
            .Title($"{c.From:yyyy-MM-dd}..{c.To:yyyy-MM-dd} vs {c.PreviousFrom:yyyy-MM-dd}..{c.PreviousTo:yyyy-MM-dd}")
            .AddColumns("Metric", "Current", "Previous", "Change", "z", "Verdict");
        foreach (var d in c.Deltas)
        {
            var isShare = d.Metric.StartsWith("share", StringComparison.Ordinal) || d.Metric is "net_sentiment" or "recovery_rate";
            string Format(double? v) => isShare ? Percent(v) : Number(v);
            var verdict = d.SmallSample ? "small sample" : d.Significant ? "significant" : "within noise";
            table.AddRow(d.Metric, Format(d.Current), Format(d.Previous), Format(d.Delta), Number(d.Z, "F2"), verdict);
        }

        console.Write(table);
    }

    private static void WriteDrilldown(IAnsiConsole console, object result)
    {
        var d = (Drilldown)result;
        console.Write(KpiTable(d.Total).Title(d.Level.ToString()));
        if (d.Rows.Count > 0)
        {
            var table = new Table().AddColumns(d.Level == DrilldownLevel.Organization ? "Group" : "Agent", "Conversations", "Avg", "Net", "Negative", "Health", "Recovery");
            foreach (var r in d.Rows)
            {
                table.AddRow(
                    Markup.Escape(r.Name is null ? r.Key : $"{r.Name} ({r.Key})"), r.Kpis.Count.ToString("N0", CultureInfo.InvariantCulture), Number(r.Kpis.AverageOverall),
                    Percent(r.Kpis.NetSentiment), Percent(r.Kpis.ShareNegative), r.Kpis.Health?.ToString() ?? "–", Percent(r.Kpis.RecoveryRate));
            }

            console.Write(table);
        }

        if (d.Conversations is { } page)
        {
            var table = new Table().AddColumns("Id", "Start (UTC)", "Score", "Shift", "Explanation");
            foreach (var r in page.Items)
            {
                table.AddRow(
                    Markup.Escape(r.Id), r.StartTime?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "–", Number(r.Overall, "D"),
                    r.Shift?.ToString() ?? "–", Markup.Escape(r.Explanation ?? string.Empty));
            }

            console.Write(table);
        }
    }

    private static void WriteTimeSeries(IAnsiConsole console, object result)
    {
        var table = new Table().AddColumns("Start", "Conversations", "Avg", "Net", "Negative", "Health");
        foreach (var p in (IReadOnlyList<TimeSeriesPoint>)result)
        {
            table.AddRow(p.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Kpis.Count.ToString("N0", CultureInfo.InvariantCulture), Number(p.Kpis.AverageOverall), Percent(p.Kpis.NetSentiment), Percent(p.Kpis.ShareNegative), p.Kpis.Health?.ToString() ?? "–");
        }

        console.Write(table);
    }

    private static void WriteHeatmap(IAnsiConsole console, object result)
    {
        var heatmap = (Heatmap)result;
        var days = Enumerable.Range(0, heatmap.To.DayNumber - heatmap.From.DayNumber + 1).Select(heatmap.From.AddDays).ToList();
        var table = new Table().Title($"Share negative by day, {heatmap.From:yyyy-MM-dd}..{heatmap.To:yyyy-MM-dd}").AddColumn(heatmap.Rows.ToString());
        foreach (var day in days)
        {
            table.AddColumn(day.ToString("dd", CultureInfo.InvariantCulture));
        }

        foreach (var row in heatmap.Cells.GroupBy(c => c.Row))
        {
            var byDay = row.ToDictionary(c => c.Day);
            var cells = new List<string> { Markup.Escape(row.Key) };
            foreach (var day in days)
            {
                cells.Add(byDay.TryGetValue(day, out var cell)
                    ? $"[{Colour(cell.Negative / (double)cell.Count)}]{(100.0 * cell.Negative / cell.Count).ToString("F0", CultureInfo.InvariantCulture)}[/]"
                    : "·");
            }

            table.AddRow([.. cells]);
        }

        console.Write(table);
    }

    private static string Colour(double shareNegative) => Kpis.HealthOf(shareNegative) switch
    {
        SentimentHealth.Strong => "green",
        SentimentHealth.Healthy => "olive",
        SentimentHealth.Strained => "darkorange",
        _ => "red",
    };

    private static void WriteDrivers(IAnsiConsole console, object result)
    {
        var report = (DriverReport)result;
        foreach (var (title, drivers) in new[] { ("Topic", report.Topics), ("Phrase", report.Phrases) })
        {
            var table = new Table().AddColumns(title, "Conversations", "Negative", "Share negative", "Lift", "Share of negatives");
            foreach (var d in drivers)
            {
                table.AddRow(Markup.Escape(d.Name), d.Count.ToString("N0", CultureInfo.InvariantCulture), d.Negative.ToString("N0", CultureInfo.InvariantCulture), Percent(d.ShareNegative), Number(d.Lift, "F2"), Percent(d.ShareOfNegatives));
            }

            console.Write(table);
        }

        if (report.Change is { } change)
        {
            console.WriteLine(
                $"Share negative {Percent(change.PreviousShareNegative)} → {Percent(change.CurrentShareNegative)} ({Percent(change.Change)}): topic mix {Percent(change.MixEffect)}, within topics {Percent(change.WithinEffect)}.");
            var table = new Table().AddColumns("Topic", "Weight before", "Weight now", "Negative before", "Negative now", "Mix", "Within");
            foreach (var t in change.Topics)
            {
                table.AddRow(Markup.Escape(t.Topic), Percent(t.PreviousWeight), Percent(t.CurrentWeight), Percent(t.PreviousShareNegative), Percent(t.CurrentShareNegative), Percent(t.MixEffect), Percent(t.WithinEffect));
            }

            console.Write(table);
        }
    }
}
