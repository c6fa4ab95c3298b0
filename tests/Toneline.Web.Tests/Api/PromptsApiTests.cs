using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Toneline.Web.Hosting;

namespace Toneline.Web.Tests.Api;

[Collection(WebCollection.Name)]
public sealed class PromptsApiTests(WebAppFixture app)
{
    private static readonly Uri Prompts = new("/api/prompts", UriKind.Relative);
    private static readonly Uri Playground = new("/api/prompts/playground", UriKind.Relative);
    private static readonly Uri Regression = new("/api/prompts/regression", UriKind.Relative);

    [Fact]
    public async Task Create_SavesANewVersionByTheSignedInUser_NotActive()
    {
        using var client = await app.SignInAsync();
        using var response = await client.PostAsJsonAsync(Prompts, new { positive = "Resolved on the first call.", negative = "Left unresolved.", note = "stricter" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("admin", created.GetProperty("createdBy").GetString());
        Assert.False(created.GetProperty("active").GetBoolean());
        var version = created.GetProperty("version").GetInt32();
        var one = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/prompts/{version}", UriKind.Relative));
        Assert.Contains("Resolved on the first call.", one.GetProperty("text").GetString(), StringComparison.Ordinal);
        var list = await client.GetFromJsonAsync<JsonElement>(Prompts);
        Assert.True(list.GetProperty("configured").GetBoolean());
        Assert.Contains(list.GetProperty("versions").EnumerateArray(), v => v.GetProperty("version").GetInt32() == version && v.GetProperty("note").GetString() == "stricter");
    }

    [Fact]
    public async Task Create_WithoutNegative_Is400NamingTheField()
    {
        using var client = await app.SignInAsync();
        using var response = await client.PostAsJsonAsync(Prompts, new { positive = "Fine." });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("negative", out _));
    }

    [Fact]
    public async Task Playground_ShowsTheLlmResultBesideTheCurrentScore()
    {
        using var client = await app.SignInAsync();
        var id = await IngestAsync(client, "Thank you so much, that fixed it.");

        using var response = await client.PostAsJsonAsync(Playground, new { draft = new { positive = "Happy.", negative = "Unhappy." }, conversationIds = new[] { id, "no-such-id" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("llm/stub-model@p0/", result.GetProperty("method").GetString(), StringComparison.Ordinal);
        var row = result.GetProperty("rows")[0];
        Assert.Equal(id, row.GetProperty("id").GetString());
        Assert.StartsWith("toneline-builtin", row.GetProperty("current").GetProperty("method").GetString(), StringComparison.Ordinal);
        var llm = row.GetProperty("llm");
        Assert.Equal(70, llm.GetProperty("score").GetProperty("overall").GetInt32());
        Assert.Equal("VeryPositive", llm.GetProperty("score").GetProperty("band").GetString());
        Assert.True(llm.GetProperty("usedLlm").GetBoolean());
        Assert.Equal(JsonValueKind.Null, llm.GetProperty("fallbackReason").ValueKind);
        Assert.Equal(120, llm.GetProperty("promptTokens").GetInt64());
        Assert.Equal("Thank you so much", llm.GetProperty("highlights")[0].GetProperty("text").GetString());
        Assert.Contains("no-such-id", result.GetProperty("rows")[1].GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Playground_WithoutConversations_Is400NamingTheField()
    {
        using var client = await app.SignInAsync();
        using var response = await client.PostAsJsonAsync(Playground, new { version = 1, conversationIds = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("conversationIds", out _));
    }

    [Fact]
    public async Task Regression_ReportsAccuracyPerBandMetricsAndFlipsAgainstTheActivePrompt()
    {
        using var client = await app.SignInAsync();
        var stored = await IngestAsync(client, "This is terrible, I was charged twice and nobody helps me.");
        using var created = await client.PostAsJsonAsync(Prompts, new { positive = "Never.", negative = "Always. " + WebAppFixture.AlwaysNegative });
        var version = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        var set = string.Join('\n',
            """{"id": "r-angry", "label": "negative", "turns": [{"speaker": "customer", "text": "Still broken, I am furious."}]}""",
            """{"id": "r-happy", "label": "positive", "turns": [{"speaker": "customer", "text": "Great, thank you, all solved."}]}""",
            $$"""{"id": "{{stored}}", "label": "negative"}""");

        using var response = await client.PostAsJsonAsync(Regression, new { version, set });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        // The stub calls everything very negative for the candidate and positive for the active prompt.
        Assert.Equal(3, report.GetProperty("conversations").GetInt32());
        Assert.Equal("ThreeWay", report.GetProperty("scale").GetString());
        Assert.Equal(2 / 3.0, report.GetProperty("candidateAccuracy").GetDouble(), 3);
        Assert.Equal(1 / 3.0, report.GetProperty("activeAccuracy").GetDouble(), 3);
        var negative = report.GetProperty("perClass").EnumerateArray().Single(c => c.GetProperty("label").GetString() == "negative");
        Assert.Equal(2 / 3.0, negative.GetProperty("precision").GetDouble(), 3);
        Assert.Equal(1.0, negative.GetProperty("recall").GetDouble(), 3);
        var flips = report.GetProperty("flips").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!, f => f.GetProperty("verdict").GetString());
        Assert.Equal("fixed", flips["r-angry"]);
        Assert.Equal("broke", flips["r-happy"]);
        Assert.Equal("fixed", flips[stored]);
        Assert.Equal(2, report.GetProperty("fixed").GetInt32());
        Assert.Equal(1, report.GetProperty("broke").GetInt32());
    }

    [Fact]
    public async Task Regression_BadLabel_Is400NamingTheSetAndLine()
    {
        using var client = await app.SignInAsync();
        using var response = await client.PostAsJsonAsync(Regression, new { version = 1, set = """{"id": "x", "label": "great", "turns": []}""" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("set:1:", problem.GetProperty("errors").GetProperty("set")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activate_RecordsWhoAndWhen()
    {
        using var client = await app.SignInAsync();
        using var created = await client.PostAsJsonAsync(Prompts, new { positive = "Solved.", negative = "Not solved." });
        var version = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        using var response = await client.PostAsync(new Uri($"/api/prompts/{version}/activate", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await client.GetFromJsonAsync<JsonElement>(Prompts);
        Assert.Equal(version, list.GetProperty("activeVersion").GetInt32());
        var last = list.GetProperty("activations").EnumerateArray().Last();
        Assert.Equal(version, last.GetProperty("version").GetInt32());
        Assert.Equal("admin", last.GetProperty("activatedBy").GetString());
        Assert.True(last.GetProperty("activatedAt").GetDateTimeOffset() >= before);
        Assert.True(list.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("version").GetInt32() == version).GetProperty("active").GetBoolean());
    }

    [Theory]
    [InlineData("sam")]
    [InlineData("vera")]
    public async Task NonAdmins_AreForbidden(string name)
    {
        using var client = await app.SignInAsync(name, WebAppFixture.UserPassword);
        using var list = await client.GetAsync(Prompts);
        using var activate = await client.PostAsync(new Uri("/api/prompts/1/activate", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, activate.StatusCode);
    }

    [Fact]
    public async Task NoEndpointConfigured_ListSaysHow_AndRunsAre409()
    {
        var directory = Path.Combine(Path.GetTempPath(), "toneline-web-nollm-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var host = await TonelineWebApp.BuildAsync(new TonelineWebOptions { Db = Path.Combine(directory, "web.db"), Urls = ["http://127.0.0.1:0"], AdminPassword = WebAppFixture.AdminPassword });
        await host.App.StartAsync();
        try
        {
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(host.App.Urls.First()) };
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "admin", ["password"] = WebAppFixture.AdminPassword });
            (await client.PostAsync(new Uri("/login", UriKind.Relative), form)).Dispose();

            var list = await client.GetFromJsonAsync<JsonElement>(Prompts);
            using var run = await client.PostAsJsonAsync(Playground, new { version = 1, conversationIds = new[] { "a" } });

            Assert.False(list.GetProperty("configured").GetBoolean());
            Assert.Contains("--llm-endpoint", list.GetProperty("howToConfigure").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Conflict, run.StatusCode);
            Assert.Equal("application/problem+json", run.Content.Headers.ContentType?.MediaType);
            var problem = await run.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("No LLM endpoint is configured", problem.GetProperty("title").GetString());
            Assert.True(File.Exists(Path.Combine(directory, "web.db")));
        }
        finally
        {
            await host.App.StopAsync();
            await host.App.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    internal static async Task<string> IngestAsync(HttpClient client, string customerText)
    {
        var id = "prompt-" + Guid.NewGuid().ToString("N");
        var json = JsonSerializer.Serialize(new { id, turns = new[] { new { speaker = "agent", text = "How can I help?" }, new { speaker = "customer", text = customerText } } });
        using var response = await client.PostAsync(new Uri("/api/conversations", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return id;
    }
}
