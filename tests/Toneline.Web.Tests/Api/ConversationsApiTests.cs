using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Toneline.Web.Tests.Api;

[Collection(WebCollection.Name)]
public sealed class ConversationsApiTests(WebAppFixture app)
{
    private static readonly Uri Conversations = new("/api/conversations", UriKind.Relative);

    [Fact]
    public async Task Api_WithoutSignIn_Is401ProblemDetails()
    {
        using var client = app.Anonymous();
        using var response = await client.GetAsync(Conversations);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Ingest_OneJsonConversation_StoresItScoredAndReadsItBackWithTurns()
    {
        using var client = await app.SignInAsync();
        var id = "api-" + Guid.NewGuid().ToString("N");
        var json = $$"""
            {"id": "{{id}}", "group": "Billing Support", "agent": {"id": "a-1", "name": "Dana"}, "turns": [
              {"speaker": "agent", "text": "Thank you for calling, how can I help?", "start": 0},
              {"speaker": "customer", "text": "This is terrible, I was charged twice and nobody helps me!", "start": 4},
              {"speaker": "agent", "text": "I am sorry, let me check.", "start": 9}]}
            """;
        using var response = await client.PostAsync(Conversations, new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        using var detail = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/conversations/" + id, UriKind.Relative)));
        var root = detail.RootElement;
        Assert.Equal(3, root.GetProperty("turns").GetArrayLength());
        Assert.Equal("Customer", root.GetProperty("turns")[1].GetProperty("role").GetString());
        Assert.True(root.GetProperty("score").GetProperty("overall").GetInt32() < 0);
        Assert.NotEqual(0, root.GetProperty("score").GetProperty("highlights").GetArrayLength());
    }

    [Fact]
    public async Task Ingest_Ndjson_StoresEveryLine()
    {
        using var client = await app.SignInAsync();
        var prefix = "nd-" + Guid.NewGuid().ToString("N");
        var body = string.Join('\n', Enumerable.Range(1, 3).Select(i =>
            $$"""{"id": "{{prefix}}-{{i}}", "turns": [{"speaker": "customer", "text": "Great service, thanks!"}]}"""));
        using var response = await client.PostAsync(Conversations, new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, result.GetProperty("stored").GetInt32());
    }

    [Fact]
    public async Task Ingest_PlainTextTranscript_IsReadBySniffing()
    {
        using var client = await app.SignInAsync();
        var id = "txt-" + Guid.NewGuid().ToString("N");
        var text = $"# id: {id}\n# agent: Dana\n\n[00:01] Dana: Thank you for calling, how can I help?\n[00:05] Customer: It works now, thank you so much!\n";
        using var response = await client.PostAsync(Conversations, new StringContent(text, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var get = await client.GetAsync(new Uri("/api/conversations/" + id, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    [Fact]
    public async Task Ingest_OneBadLine_Is400NamingLineAndField_AndStoresNothing()
    {
        using var client = await app.SignInAsync();
        var good = "bad-batch-" + Guid.NewGuid().ToString("N");
        var body = $$"""
            {"id": "{{good}}", "turns": [{"speaker": "customer", "text": "fine"}]}
            {"id": "x2", "turns": [{"speaker": "customer", "text": 42}]}
            """;
        using var response = await client.PostAsync(Conversations, new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("turns[0].text", problem, StringComparison.Ordinal);
        Assert.Contains("line 2", problem, StringComparison.Ordinal);
        using var get = await client.GetAsync(new Uri("/api/conversations/" + good, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task Ingest_BodyOverTheLimit_Is413WithAClearMessage()
    {
        using var client = await app.SignInAsync();
        var big = new string('a', 300 * 1024);
        using var response = await client.PostAsync(Conversations, new StringContent("{\"id\": \"big\", \"turns\": [{\"speaker\": \"customer\", \"text\": \"" + big + "\"}]}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("limit", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_AsViewer_IsForbidden()
    {
        using var client = await app.SignInAsync("vera", WebAppFixture.UserPassword);
        using var response = await client.PostAsync(Conversations, new StringContent("{\"turns\": []}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Search_ScoreLowerThanZero_ReturnsOnlyNegativeScores()
    {
        using var client = await app.SignInAsync();
        var page = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/conversations?maxOverall=-1&limit=20", UriKind.Relative));
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.True(i.GetProperty("overall").GetInt32() < 0));
    }

    [Fact]
    public async Task Search_BadCriterion_Is400NamingTheField()
    {
        using var client = await app.SignInAsync();
        using var response = await client.GetAsync(new Uri("/api/conversations?band=Awful&from=yesterday", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("band", out _));
        Assert.True(errors.TryGetProperty("from", out _));
    }

    [Fact]
    public async Task Search_NextCursor_ReturnsTheFollowingPage()
    {
        using var client = await app.SignInAsync();
        var first = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/conversations?limit=5&sort=Overall", UriKind.Relative));
        var next = first.GetProperty("next").GetString();
        var second = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/conversations?limit=5&sort=Overall&after=" + Uri.EscapeDataString(next!), UriKind.Relative));
        var firstIds = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToHashSet();
        Assert.DoesNotContain(second.GetProperty("items").EnumerateArray(), i => firstIds.Contains(i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Export_Csv_HasHeaderAndRows()
    {
        using var client = await app.SignInAsync();
        var csv = await client.GetStringAsync(new Uri("/api/conversations/export?format=csv&group=Sales", UriKind.Relative));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,start_time", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 1);
    }

    [Fact]
    public async Task Supervisor_SeesOnlyTheirGroup_AndNotOthers()
    {
        using var client = await app.SignInAsync("sam", WebAppFixture.UserPassword);
        var page = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/conversations?limit=50", UriKind.Relative));
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.Equal(WebAppFixture.SupervisorGroup, i.GetProperty("group").GetString()));
        using var other = await client.GetAsync(new Uri("/api/conversations?group=Sales", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task ApiKey_ActsAsItsUser()
    {
        using var admin = await app.SignInAsync();
        using var created = await admin.PostAsync(new Uri("/api/users/admin/api-keys?label=test", UriKind.Relative), null);
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var response = await client.GetAsync(new Uri("/api/kpis", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Add("X-Api-Key", "tl_wrong");
        using var wrong = await client.GetAsync(new Uri("/api/kpis", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }
}
