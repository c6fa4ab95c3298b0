using System.Text.Json;

namespace Toneline.Cli.Tests.Commands;

/// <summary><c>toneline bench</c> on a small file: what it reports, not how fast (speed is for benchmarks, not tests).</summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("toneline-bench-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Bench_Json_ReportsBestAndMedianRates_AndNoAllocationPerText()
    {
        string file = Path.Combine(_root.FullName, "texts.jsonl");
        File.WriteAllLines(file,
        [
            """{"text":"The agent was not helpful at all and I waited forty minutes.","label":"negative"}""",
            """{"text":"Thanks so much, that fixed it!","label":"positive"}""",
            "a plain line is benched as it is",
            string.Empty,
        ]);

        int code = Cli.RunProcess(out var output, out var error, "bench", file, "--texts", "300", "--rounds", "3", "--threads", "1", "--json");

        Assert.True(code == 0, error);
        var result = JsonDocument.Parse(output).RootElement;
        Assert.Equal(300, result.GetProperty("texts").GetInt32());
        Assert.Equal(3, result.GetProperty("rounds").GetInt32());
        double best = result.GetProperty("single_thread_texts_per_second").GetDouble();
        double median = result.GetProperty("single_thread_median_texts_per_second").GetDouble();
        Assert.True(median > 0 && median <= best, $"median {median} should be positive and at most the best {best}");
        Assert.True(result.GetProperty("tokenizer_texts_per_second").GetDouble() > 0);

        // Scoring allocates nothing but its result, a struct: any per-text allocation would show here.
        Assert.Equal(0, result.GetProperty("allocated_bytes_per_text").GetInt64());
    }

    [Fact]
    public void Bench_MissingFile_NamesIt()
    {
        string missing = Path.Combine(_root.FullName, "nowhere.jsonl");

        int code = Cli.RunProcess(out _, out var error, "bench", missing);

        Assert.Equal(1, code);
        Assert.Contains("nowhere.jsonl", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_ZeroRounds_IsAUsageError()
    {
        string file = Path.Combine(_root.FullName, "one.txt");
        File.WriteAllText(file, "fine, thanks\n");

        int code = Cli.RunProcess(out _, out var error, "bench", file, "--rounds", "0");

        Assert.Equal(2, code);
        Assert.Contains("--rounds", error, StringComparison.Ordinal);
    }
}
