using Spectre.Console;
using Toneline.Storage.Ingestion;

namespace Toneline.Cli.Storage;

/// <summary>Shows an import's progress on stderr: a bar with rate and time left.</summary>
internal static class ImportProgressDisplay
{
    /// <summary>Runs <paramref name="import"/>; <paramref name="position"/> reports the bar's value against <paramref name="total"/>.</summary>
    public static async Task<ImportSummary> RunAsync(
        string title, double total, Func<ImportProgress, double> position, Func<IProgress<ImportProgress>, Task<ImportSummary>> import)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        ImportSummary? summary = null;
        var started = DateTime.UtcNow;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(title, maxValue: Math.Max(1, total));
                var progress = new Progress<ImportProgress>(p =>
                {
                    var seconds = Math.Max(0.001, (DateTime.UtcNow - started).TotalSeconds);
                    task.Value = Math.Min(task.MaxValue, position(p));
                    task.Description = $"{title}: {p.Stored:N0} stored, {p.Unchanged:N0} unchanged, {p.Failed:N0} failed, {p.Read / seconds:N0}/s";
                });
                summary = await import(progress).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return summary!;
    }

    public static void WriteSummary(ImportSummary summary, TextWriter error)
    {
        foreach (var failure in summary.Failures)
        {
            error.WriteLine($"skipped: {failure}");
        }

        if (summary.Failed > summary.Failures.Count)
        {
            error.WriteLine($"... and {summary.Failed - summary.Failures.Count:N0} more skipped.");
        }

        var rate = summary.Read / Math.Max(0.001, summary.Elapsed.TotalSeconds);
        error.WriteLine(
            $"{summary.Stored:N0} stored, {summary.Unchanged:N0} unchanged, {summary.Failed:N0} skipped in {summary.Elapsed.TotalSeconds:N1} s ({rate:N0} conversations/s).");
    }
}
