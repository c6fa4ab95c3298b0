using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Toneline.Web.Access;

namespace Toneline.Web.Tests.Api;

[Collection(WebCollection.Name)]
public sealed class AnalyticsApiTests(WebAppFixture app)
{
    [Fact]
    public async Task Kpis_ComparePreviousPeriod_WithDeltasAndSmallSampleFlags()
    {
        using var client = await app.SignInAsync();
        var kpis = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/kpis", UriKind.Relative));
        Assert.True(kpis.GetProperty("current").GetProperty("count").GetInt64() > 0);
        var deltas = kpis.GetProperty("deltas").EnumerateArray().ToList();
        Assert.Contains(deltas, d => d.GetProperty("metric").GetString() == "share_negative");
        Assert.All(deltas, d => Assert.True(d.TryGetProperty("smallSample", out _)));
    }

    [Fact]
    public async Task Drilldown_GoesOrganizationToGroupToAgent()
    {
        using var client = await app.SignInAsync();
        var org = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/drilldown", UriKind.Relative));
        Assert.Equal("Organization", org.GetProperty("level").GetString());
        var group = org.GetProperty("rows")[0].GetProperty("key").GetString()!;
        var byGroup = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/drilldown?group=" + Uri.EscapeDataString(group), UriKind.Relative));
        Assert.Equal("Group", byGroup.GetProperty("level").GetString());
        var agent = byGroup.GetProperty("rows")[0].GetProperty("key").GetString()!;
        var byAgent = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/drilldown?group={Uri.EscapeDataString(group)}&agent={Uri.EscapeDataString(agent)}", UriKind.Relative));
        Assert.Equal("Agent", byAgent.GetProperty("level").GetString());
        Assert.NotEqual(0, byAgent.GetProperty("conversations").GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/summary")]
    [InlineData("/api/heatmap?rows=Agent")]
    [InlineData("/api/drivers?top=5")]
    [InlineData("/api/timeseries?bucket=Week")]
    [InlineData("/api/reports/bands?by=agent")]
    [InlineData("/api/scoring-methods")]
    [InlineData("/api/me")]
    public async Task AnalyticsEndpoint_Answers200(string path)
    {
        using var client = await app.SignInAsync();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task BandReport_Csv_HasOneRowPerGroup()
    {
        using var client = await app.SignInAsync();
        var csv = await client.GetStringAsync(new Uri("/api/reports/bands?by=group&format=csv", UriKind.Relative));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("group,very_negative,negative,neutral,positive,very_positive,total,average_overall", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("Billing Support,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Supervisor_OfTwoGroups_SeesBothAndNoOther()
    {
        var name = "sup-" + Guid.NewGuid().ToString("N")[..8];
        await app.Users.SaveAsync(name, WebAppFixture.UserPassword, Roles.Supervisor, ["Billing Support", "Retention"], default);
        using var client = await app.SignInAsync(name, WebAppFixture.UserPassword);
        string[] both = ["Billing Support", "Retention"];

        var drilldown = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/drilldown", UriKind.Relative));
        var report = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/reports/bands?by=group", UriKind.Relative));
        var heatmap = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/heatmap?rows=Group", UriKind.Relative));
        var page = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/conversations?limit=500", UriKind.Relative));
        using var other = await client.GetAsync(new Uri("/api/summary?group=Sales", UriKind.Relative));

        Assert.Equal(both, drilldown.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(both, report.EnumerateArray().Select(r => r.GetProperty("key").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(both, heatmap.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("row").GetString()).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(both, page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("group").GetString()).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task Heatmap_BadRows_Is400NamingRows()
    {
        using var client = await app.SignInAsync();
        using var response = await client.GetAsync(new Uri("/api/heatmap?rows=Topic", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("rows", out _));
    }

    [Fact]
    public async Task OpenApiDocument_IsServed()
    {
        using var client = app.Anonymous();
        var doc = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/conversations", out _));
    }

    [Fact]
    public async Task Login_WrongPassword_GoesBackToTheLoginPage()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "admin", ["password"] = "nope" });
        using var response = await client.PostAsync(new Uri("/login", UriKind.Relative), form);
        Assert.StartsWith("/login?failed=1", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
