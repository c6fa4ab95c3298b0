using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Toneline.Cli.Commands;

internal static partial class ScoreCommand
{
    private sealed partial class Run
    {
        /// <summary>Runs with a progress bar on stderr: bytes read for the percentage and ETA, conversations and files in the description.</summary>
        /// <remarks>Errors go through the same console while the bar is live, so they print above it instead of through it.</remarks>
        public async Task<Counts> WithProgressAsync(CancellationToken cancellationToken)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            var totalBytes = files.Where(f => f != "-").Sum(f => new FileInfo(f).Length);
            var clock = Stopwatch.StartNew();
            var counts = default(Counts);
            await console.Progress()
                .AutoClear(false)
                .Columns(
                    new TaskDescriptionColumn { Alignment = Justify.Left },
                    new ProgressBarColumn(),
                    new PercentageColumn(),
                    new ElapsedTimeColumn(),
                    new RemainingTimeColumn(),
                    new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(Describe(0, 0, 0, clock.Elapsed), maxValue: Math.Max(1, totalBytes));
                    task.IsIndeterminate = files.Contains("-");
                    _report = message => console.WriteLine(message);
                    counts = await ExecuteAsync(
                        (batch, sofar) =>
                        {
                            task.Value = batch.BytesRead;
                            task.Description = Describe(sofar.Scored + sofar.Errors, batch.FilesDone, files.Count, clock.Elapsed);
                        },
                        cancellationToken).ConfigureAwait(false);
                    task.Value = task.MaxValue;
                    task.Description = Describe(counts.Scored + counts.Errors, files.Count, files.Count, clock.Elapsed);
                }).ConfigureAwait(false);
            return counts;
        }

        private static string Describe(int conversations, int filesDone, int fileCount, TimeSpan elapsed)
        {
            var rate = elapsed.TotalSeconds > 0 ? conversations / elapsed.TotalSeconds : 0;
            return string.Create(CultureInfo.InvariantCulture, $"{conversations:N0} conversations ({rate:N0}/s), {filesDone}/{fileCount} files");
        }
    }
}
