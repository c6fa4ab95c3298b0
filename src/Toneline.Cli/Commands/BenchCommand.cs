using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Toneline.Core.Scoring.BuiltIn;

namespace Toneline.Cli.Commands;

/// <summary>The <c>bench</c> verb: the engine's throughput on a file, one thread and all cores.</summary>
/// <remarks>
/// Texts are loaded into memory first, so the numbers measure scoring only. Lines of JSONL with a
/// "text" field are used as texts; other lines are used as they are.
/// </remarks>
internal static class BenchCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A JSONL file with \"text\" fields, or plain text, one text per line." };
        var repeat = new Option<int>("--texts") { Description = "Repeat the file's texts to this many (default 200,000).", DefaultValueFactory = _ => 200_000 };
        var threads = new Option<int>("--threads") { Description = "Threads for the parallel run (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var rounds = new Option<int>("--rounds") { Description = "Timed rounds per mode; the best is reported (default 5).", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON." };
        var model = EngineOptions.ModelOption();
        var rulesOnly = EngineOptions.RulesOnlyOption();
        var command = new Command("bench", "Measure the built-in engine's throughput.") { file, repeat, threads, rounds, json, model, rulesOnly };
        command.SetAction(parse => EngineOptions.TryCreate(parse.GetValue(model), parse.GetValue(rulesOnly), out var engine, out var problem)
            ? Run(parse.GetValue(file)!, parse.GetValue(repeat), parse.GetValue(threads), parse.GetValue(rounds), parse.GetValue(json), engine, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error)
            : EngineOptions.Fail(problem, parse.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(FileInfo file, int count, int threads, int rounds, bool json, BuiltInEngine engine, TextWriter output, TextWriter error)
    {
        if (!file.Exists)
        {
            error.WriteLine($"error: {file.FullName}: no such file.");
            return ExitCodes.BadInput;
        }

        if (count < 1 || threads < 1 || rounds < 1)
        {
            error.WriteLine("error: --texts, --threads and --rounds must be at least 1.");
            return ExitCodes.Usage;
        }

        var source = File.ReadLines(file.FullName).Where(l => l.Length > 0).Select(TextOf).ToArray();
        if (source.Length == 0)
        {
            error.WriteLine($"error: {file.FullName}: no texts.");
            return ExitCodes.BadInput;
        }

        var texts = new string[count];
        for (int i = 0; i < count; i++)
        {
            texts[i] = source[i % source.Length];
        }

        double checksum = 0;
        // Warm-up, untimed: tiered compilation and dynamic PGO settle on the final code only after a
        // few hundred thousand calls; timing before that measures the JIT, not the engine.
        for (int warm = 0; warm < Math.Max(2, 600_000 / count); warm++)
        {
            foreach (var text in texts)
            {
                checksum += engine.Summarize(text).Score;
            }
        }

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var singleRounds = Time(rounds, () =>
        {
            double sum = 0;
            foreach (var text in texts)
            {
                sum += engine.Summarize(text).Score;
            }

            checksum += sum;
        });
        long allocatedPerText = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / ((long)count * rounds);
        double single = singleRounds.Best;
        double? singleCpu = singleRounds.BestCpu;

        // The tokenizer alone, to see how the time splits between reading the text and scoring it.
        var lexicon = engine.Rules.Lexicon;
        double tokenizing = Time(rounds, () =>
        {
            Span<Toneline.Core.Text.Token> tokens = new Toneline.Core.Text.Token[4096];
            long total = 0;
            foreach (var text in texts)
            {
                total += text.Length < tokens.Length ? Toneline.Core.Text.Tokenizer.Tokenize(text, tokens, lexicon) : 0;
            }

            checksum += total;
        }).Best;

        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        double parallel = Time(rounds, () =>
        {
            int chunk = Math.Max(1, count / (threads * 8));
            Parallel.For(0, (count + chunk - 1) / chunk, options, c =>
            {
                int end = Math.Min(count, (c + 1) * chunk);
                for (int i = c * chunk; i < end; i++)
                {
                    _ = engine.Summarize(texts[i]);
                }
            });
        }).Best;

        double averageLength = texts.Average(t => t.Length);
        double singleRate = count / single, parallelRate = count / parallel, singleMedianRate = count / singleRounds.Median;
        double? cpuRate = singleCpu > 0 ? count / singleCpu : null;
        var inv = CultureInfo.InvariantCulture;
        if (json)
        {
            output.WriteLine(string.Create(inv, $"{{\"texts\":{count},\"avg_chars\":{averageLength:F1},\"single_thread_texts_per_second\":{singleRate:F0},\"single_thread_median_texts_per_second\":{singleMedianRate:F0},\"rounds\":{rounds},\"threads\":{threads},\"parallel_texts_per_second\":{parallelRate:F0},\"scaling\":{parallelRate / singleRate:F2},\"allocated_bytes_per_text\":{allocatedPerText},\"single_thread_texts_per_cpu_second\":{(cpuRate is double c ? c.ToString("F0", inv) : "null")},\"tokenizer_texts_per_second\":{count / tokenizing:F0},\"processor_count\":{Environment.ProcessorCount}}}"));
        }
        else
        {
            output.WriteLine(string.Create(inv, $"{file.Name}: {count:N0} texts, {averageLength:F1} chars on average, best of {rounds} rounds, {engine.Method}{(engine.HasLearnedModel ? "" : ", rules only")}"));
            output.WriteLine(string.Create(inv, $"  1 thread : {singleRate,12:N0} texts/s   {single * 1000,8:F1} ms   {allocatedPerText} bytes allocated per text"));
            // The median beside the best: on a shared machine the two part when neighbours are busy.
            output.WriteLine(string.Create(inv, $"  1 thread : {singleMedianRate,12:N0} texts/s   {singleRounds.Median * 1000,8:F1} ms   median of the {rounds} rounds"));
            if (cpuRate is double perCpuSecond)
            {
                // Wall time also counts what the scheduler gave other processes on a shared machine.
                output.WriteLine(string.Create(inv, $"  1 thread : {perCpuSecond,12:N0} texts per CPU-second of the scoring thread"));
            }

            output.WriteLine(string.Create(inv, $"  tokenizer: {count / tokenizing,12:N0} texts/s   {tokenizing * 1000,8:F1} ms   (reading the text alone)"));
            output.WriteLine(string.Create(inv, $"  {threads} threads: {parallelRate,12:N0} texts/s   {parallel * 1000,8:F1} ms   scaling {parallelRate / singleRate:F2}x on {Environment.ProcessorCount} cores"));
        }

        GC.KeepAlive(checksum);
        return ExitCodes.Success;
    }

    /// <summary>Times <paramref name="rounds"/> runs: the best and median wall-clock seconds, and the best CPU seconds of the calling thread where known.</summary>
    private static RoundTimes Time(int rounds, Action run)
    {
        var seconds = new double[rounds];
        double? bestCpu = null;
        for (int r = 0; r < rounds; r++)
        {
            double? cpuBefore = ThreadClock.Now();
            var stopwatch = Stopwatch.StartNew();
            run();
            seconds[r] = stopwatch.Elapsed.TotalSeconds;
            if (cpuBefore is double before && ThreadClock.Now() is double after)
            {
                bestCpu = Math.Min(bestCpu ?? double.MaxValue, after - before);
            }
        }

        Array.Sort(seconds);
        double median = rounds % 2 == 1 ? seconds[rounds / 2] : (seconds[(rounds / 2) - 1] + seconds[rounds / 2]) / 2;
        return new RoundTimes(seconds[0], median, bestCpu);
    }

    private readonly record struct RoundTimes(double Best, double Median, double? BestCpu);

    private static string TextOf(string line)
    {
        if (line.StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
                {
                    return text.GetString()!;
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: bench the line as text.
            }
        }

        return line;
    }
}
