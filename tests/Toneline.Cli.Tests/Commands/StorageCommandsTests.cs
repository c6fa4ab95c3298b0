using System.CommandLine;
using System.Text.Json;
using Toneline.Cli.Commands;

namespace Toneline.Cli.Tests.Commands;

public sealed class StorageCommandsTests
{
    [Fact]
    public async Task Demo_ThenQueryKpisAsJson_ReportsTheGeneratedConversations()
    {
        var db = Path.Combine(Path.GetTempPath(), $"toneline-cli-{Guid.NewGuid():N}.db");

        var (demoCode, _) = await RunAsync("demo", "--conversations", "60", "--days", "7", "--seed", "3", "--end", "2026-03-31", "--db", db);
        var (kpisCode, json) = await RunAsync("query", "kpis", "--json", "--db", db);
        var (againCode, _) = await RunAsync("demo", "--conversations", "60", "--days", "7", "--seed", "3", "--end", "2026-03-31", "--db", db);
        var (searchCode, search) = await RunAsync("query", "search", "--limit", "5", "--sort", "Overall", "--asc", "--json", "--db", db);

        Assert.Equal((0, 0, 0, 0), (demoCode, kpisCode, againCode, searchCode));
        using var kpis = JsonDocument.Parse(json);
        Assert.Equal(60, kpis.RootElement.GetProperty("count").GetInt64());
        Assert.Contains("demo-3-", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingPath_IsBadInput()
    {
        var db = Path.Combine(Path.GetTempPath(), $"toneline-cli-{Guid.NewGuid():N}.db");

        var (code, _) = await RunAsync("import", Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N")), "--db", db);

        Assert.Equal(ExitCodes.BadInput, code);
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var root = new RootCommand { DemoCommand.Create(), ImportCommand.Create(), QueryCommand.Create() };
        var output = new StringWriter();
        var parse = root.Parse(args);
        var code = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = new StringWriter() });
        return (code, output.ToString());
    }
}
