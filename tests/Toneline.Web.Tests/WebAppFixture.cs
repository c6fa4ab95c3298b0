using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Toneline.Core.Conversations;
using Toneline.Llm.Tests.Stub;
using Toneline.Storage;
using Toneline.Storage.Demo;
using Toneline.Storage.Ingestion;
using Toneline.Web.Access;
using Toneline.Web.Hosting;

namespace Toneline.Web.Tests;

/// <summary>The real app on a free loopback port over a fresh SQLite file holding a small demo data set.</summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    public const string AdminPassword = "admin-password-1";
    public const string SupervisorGroup = "Billing Support";
    public const string UserPassword = "user-password-1";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "toneline-web-" + Guid.NewGuid().ToString("N"));
    /// <summary>Put in a definition, it makes the stub model call every conversation very negative.</summary>
    public const string AlwaysNegative = "ALWAYS-NEGATIVE";

    /// <summary>The stub model quotes this when the transcript has it, so that playground results carry a highlight.</summary>
    public const string ThankYouQuote = "thank you so much";

    private TonelineWebHost? _host;
    private StubLlmServer? _llm;

    public string BaseUrl { get; private set; } = string.Empty;

    public DateOnly Today { get; } = DateOnly.FromDateTime(DateTime.UtcNow);

    internal UserStore Users => _host!.App.Services.GetRequiredService<UserStore>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var db = Path.Combine(_directory, "web.db");
        await using (var database = await ConversationDatabase.OpenAndMigrateAsync(db))
        {
            var demo = new DemoGenerator(new DemoOptions { Conversations = 600, Days = 30, Seed = 7, EndDate = Today });
            await new ConversationImporter(database.Store, ConversationScorer.CreateDefault()).ImportAsync(demo.Generate());
        }

        _llm = new StubLlmServer(AnswerOf);
        _host = await TonelineWebApp.BuildAsync(new TonelineWebOptions
        {
            LlmEndpoint = _llm.Endpoint,
            LlmModel = "stub-model",
            PromptsDirectory = Path.Combine(_directory, "prompts"),
            Db = db,
            Urls = ["http://127.0.0.1:0"],
            AdminPassword = AdminPassword,
            MaxBodyBytes = 256 * 1024,
        });
        await _host.App.StartAsync();
        BaseUrl = _host.App.Urls.First().TrimEnd('/');
        await Users.SaveAsync("sam", UserPassword, Roles.Supervisor, [SupervisorGroup], default);
        await Users.SaveAsync("vera", UserPassword, Roles.Viewer, [], default);
    }

    /// <summary>A client signed in through the log-in form, holding the session cookie.</summary>
    public async Task<HttpClient> SignInAsync(string name = "admin", string password = AdminPassword)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = name, ["password"] = password });
        using var response = await client.PostAsync(new Uri("/login", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The stub model: very negative when the prompt holds <see cref="AlwaysNegative"/>, otherwise positive.</summary>
    private static StubReply AnswerOf(string request) => request.Contains(AlwaysNegative, StringComparison.Ordinal)
        ? Scores(-80, -50, -75, "The stub was told to call everything negative.")
        : Scores(70, 50, 60, "The stub found the customer satisfied.", ThankYouQuote);

    private static StubReply Scores(int overall, int agent, int customer, string explanation, params string[] customerQuotes) =>
        StubReply.Answer(JsonSerializer.Serialize(new
        {
            overall,
            agent,
            customer,
            customer_start = customer,
            customer_end = customer,
            resolved = overall > 0,
            explanation,
            evidence = new
            {
                agent = Array.Empty<object>(),
                customer = customerQuotes.Select(q => new { quote = q, polarity = overall >= 0 ? "positive" : "negative" }),
            },
        }), promptTokens: 120, completionTokens: 40);

    public HttpClient Anonymous() => new() { BaseAddress = new Uri(BaseUrl) };

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.App.StopAsync();
            await _host.App.DisposeAsync();
        }

        _llm?.Dispose();

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may still be closing; the temp folder is cleaned by the OS.
        }
    }
}
