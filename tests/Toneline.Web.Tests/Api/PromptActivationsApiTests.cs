using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Toneline.Web.Tests.Api;

[Collection(WebCollection.Name)]
public sealed class PromptActivationsApiTests(WebAppFixture app)
{
    [Fact]
    public async Task List_ForASupervisor_GivesTheActivationsInTheRange_WithoutPromptText()
    {
        var secret = "secret-definition-" + Guid.NewGuid().ToString("N");
        var (version, at) = await ActivateNewVersionAsync(app, secret);
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        using var supervisor = await app.SignInAsync("sam", WebAppFixture.UserPassword);

        using var response = await supervisor.GetAsync(Activations(day, day));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        var items = JsonDocument.Parse(body).RootElement.EnumerateArray().ToList();
        var mine = Assert.Single(items, a => a.GetProperty("version").GetInt32() == version);
        Assert.Equal("admin", mine.GetProperty("activatedBy").GetString());
        Assert.Equal(at, mine.GetProperty("activatedAt").GetDateTimeOffset());
        Assert.All(items, a => Assert.Equal(["version", "activatedAt", "activatedBy"], a.EnumerateObject().Select(p => p.Name)));
        Assert.All(items, a => Assert.Equal(day, DateOnly.FromDateTime(a.GetProperty("activatedAt").GetDateTimeOffset().UtcDateTime)));
    }

    [Fact]
    public async Task List_OutsideTheRange_LeavesTheActivationOut()
    {
        var (version, at) = await ActivateNewVersionAsync(app, "Resolved.");
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        using var viewer = await app.SignInAsync("vera", WebAppFixture.UserPassword);

        var before = await viewer.GetFromJsonAsync<JsonElement>(Activations(day.AddDays(-30), day.AddDays(-1)));
        var after = await viewer.GetFromJsonAsync<JsonElement>(Activations(day.AddDays(1), day.AddDays(30)));

        Assert.DoesNotContain(before.EnumerateArray(), a => a.GetProperty("version").GetInt32() == version);
        Assert.Equal(0, after.GetArrayLength());
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-05-02&to=2026-05-01", "to")]
    public async Task List_BadDates_Is400NamingTheField(string query, string field)
    {
        using var client = await app.SignInAsync("vera", WebAppFixture.UserPassword);
        using var response = await client.GetAsync(new Uri("/api/prompt-activations?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task List_Anonymous_Is401()
    {
        using var client = app.Anonymous();
        using var response = await client.GetAsync(new Uri("/api/prompt-activations", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheEndpoint()
    {
        using var client = app.Anonymous();
        var doc = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.True(doc.GetProperty("paths").GetProperty("/api/prompt-activations").TryGetProperty("get", out _));
    }

    /// <summary>Saves a new prompt version as admin and activates it; its number and activation time.</summary>
    internal static async Task<(int Version, DateTimeOffset At)> ActivateNewVersionAsync(WebAppFixture app, string positive, HttpClient? admin = null)
    {
        using var own = admin is null ? await app.SignInAsync() : null;
        var client = admin ?? own!;
        using var created = await client.PostAsJsonAsync(new Uri("/api/prompts", UriKind.Relative), new { positive, negative = "Left unresolved." });
        created.EnsureSuccessStatusCode();
        var version = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        using var activated = await client.PostAsync(new Uri($"/api/prompts/{version}/activate", UriKind.Relative), null);
        activated.EnsureSuccessStatusCode();
        var activation = await activated.Content.ReadFromJsonAsync<JsonElement>();
        return (version, activation.GetProperty("activatedAt").GetDateTimeOffset());
    }

    private static Uri Activations(DateOnly from, DateOnly to) => new(
        string.Create(CultureInfo.InvariantCulture, $"/api/prompt-activations?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"), UriKind.Relative);
}
