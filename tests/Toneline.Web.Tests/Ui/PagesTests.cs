using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using Toneline.Web.Access;

namespace Toneline.Web.Tests.Ui;

/// <summary>A supervisor's morning, in Debian's Chromium: what a person sees on each page.</summary>
[Collection(WebCollection.Name)]
public sealed class PagesTests(WebAppFixture app) : IAsyncLifetime
{
    private static readonly string Screenshots = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.Chromium))
        {
            return;
        }

        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [BrowserFact]
    public async Task Dashboard_ShowsKpis_AndDrillsDownToAnAgentsConversations()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync(app.BaseUrl + "/");
        await Expect(page.Locator("#kpis .card[data-metric=share_negative]")).ToContainTextAsync("vs previous");
        await Expect(page.Locator("#trend canvas")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Shot("dashboard"), FullPage = true });

        await page.Locator("#drilldown[data-level=Organization] a[data-key]").First.ClickAsync();
        await Expect(page.Locator("#drilldown")).ToHaveAttributeAsync("data-level", "Group");
        await page.Locator("#drilldown a[data-key]").First.ClickAsync();
        await Expect(page.Locator("#drilldown")).ToHaveAttributeAsync("data-level", "Agent");
        Assert.True(await page.Locator("#drilldown a[href^='/conversations/']").CountAsync() > 0);
        await page.ScreenshotAsync(new() { Path = Shot("drilldown-agent"), FullPage = true });
    }

    [BrowserFact]
    public async Task Dashboard_MarksAPromptActivationOnTheTrend_WithWhoActivatedItAsText()
    {
        var name = "<img src=x>eve";
        await app.Users.SaveAsync(name, WebAppFixture.UserPassword, Roles.Admin, [], default);
        using var eve = await app.SignInAsync(name, WebAppFixture.UserPassword);
        var (version, _) = await Api.PromptActivationsApiTests.ActivateNewVersionAsync(app, "Solved on the call.", eve);
        var page = await SignedInPageAsync();
        await page.GotoAsync(app.BaseUrl + "/");
        await Expect(page.Locator("#trend canvas")).ToHaveCountAsync(1);

        var marker = await page.EvaluateAsync<JsonElement>(
            """
            version => {
              const chart = echarts.getInstanceByDom(document.getElementById('trend'));
              const markLine = chart.getOption().series[0].markLine;
              const i = markLine.data.findIndex(d => d.name.split(/,? /).includes('v' + version));
              if (i < 0) return null;
              const [x] = chart.convertToPixel({ xAxisIndex: 0, yAxisIndex: 0 }, [markLine.data[i].xAxis, 0]);
              return { label: markLine.data[i].label.formatter, x };
            }
            """, version);

        Assert.Equal(JsonValueKind.Object, marker.ValueKind);
        Assert.StartsWith($"prompt v{version}", marker.GetProperty("label").GetString(), StringComparison.Ordinal);
        var box = (await page.Locator("#trend").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (float)marker.GetProperty("x").GetDouble(), box.Y + (box.Height / 2));
        await Expect(page.Locator("#trend")).ToContainTextAsync($"Prompt v{version} activated");
        await Expect(page.Locator("#trend")).ToContainTextAsync($"by {name}");
        Assert.Equal(0, await page.Locator("#trend img").CountAsync());
        await page.ScreenshotAsync(new() { Path = Shot("dashboard-prompt-marker"), FullPage = true });
    }

    [BrowserFact]
    public async Task Search_NegativeCalls_OpenOne_ShowsRedHighlightsWithWeights()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync(app.BaseUrl + "/search");
        await page.Locator("input[name=maxOverall]").FillAsync("-21");
        await page.Locator("select[name=channel]").SelectOptionAsync("Call");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.Locator("#list tbody tr").First).ToBeVisibleAsync();
        var bands = await page.Locator("#list td[data-col=score] .chip").EvaluateAllAsync<string[]>("chips => chips.map(c => c.dataset.band)");
        Assert.All(bands, b => Assert.Contains(b, new[] { "Negative", "VeryNegative" }));
        await page.ScreenshotAsync(new() { Path = Shot("search-negative"), FullPage = true });

        await page.Locator("#list td[data-col=id] a").First.ClickAsync();
        var negative = page.Locator("#transcript mark.neg").First;
        await Expect(negative).ToBeVisibleAsync();
        Assert.StartsWith("weight -", await negative.GetAttributeAsync("title"), StringComparison.Ordinal);
        await Expect(page.Locator("#scores")).ToContainTextAsync("Overall");
        await page.ScreenshotAsync(new() { Path = Shot("conversation"), FullPage = true });
    }

    [BrowserFact]
    public async Task ConversationsList_HidingAColumn_IsRememberedAfterReload()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync(app.BaseUrl + "/conversations");
        await Expect(page.Locator("#list th[data-col=topics]")).ToHaveCountAsync(1);
        await page.GetByText("Columns").ClickAsync();
        await page.Locator("input[name=col-topics]").UncheckAsync();
        await page.Locator("input[name=col-customerScore]").CheckAsync();
        await Expect(page.Locator("#list th[data-col=topics]")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Expect(page.Locator("#list th[data-col=customerScore]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#list th[data-col=topics]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Shot("conversations-columns"), FullPage = true });
    }

    [BrowserFact]
    public async Task Heatmap_HoveringACell_ShowsThatDaysNumbers_AndClickOpensItsConversations()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync(app.BaseUrl + "/heatmap");
        var cell = page.Locator("#heatmap td.cell[data-count]").First;
        await Expect(cell).ToBeVisibleAsync();
        var count = await cell.GetAttributeAsync("data-count");
        await cell.HoverAsync();
        await Expect(page.Locator(".tip")).ToContainTextAsync(count + " conversations");
        await page.ScreenshotAsync(new() { Path = Shot("heatmap"), FullPage = true });
        await cell.Locator("a").ClickAsync();
        await Expect(page.Locator("#list tbody tr")).ToHaveCountAsync(int.Parse(count!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [BrowserFact]
    public async Task Transcript_WithMarkup_IsShownAsTextNotRun()
    {
        using var client = await app.SignInAsync();
        var id = "xss-" + Guid.NewGuid().ToString("N");
        var json = $$"""{"id": "{{id}}", "turns": [{"speaker": "customer", "text": "<img src=x onerror=\"document.title='pwned'\"> this is terrible"}]}""";
        using var response = await client.PostAsync(new Uri("/api/conversations", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var page = await SignedInPageAsync();
        await page.GotoAsync(app.BaseUrl + "/conversations/" + id);
        await Expect(page.Locator("#transcript")).ToContainTextAsync("<img src=x");
        Assert.Equal(0, await page.Locator("#transcript img").CountAsync());
        Assert.NotEqual("pwned", await page.TitleAsync());
    }

    [BrowserFact]
    public async Task Reports_ShowBandTotalsPerGroup()
    {
        var page = await SignedInPageAsync();
        var watch = Stopwatch.StartNew();
        await page.GotoAsync(app.BaseUrl + "/reports");
        await Expect(page.Locator("#report tbody tr").First).ToBeVisibleAsync();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20));
        await Expect(page.Locator("#report tfoot")).ToContainTextAsync("Total");
        await page.ScreenshotAsync(new() { Path = Shot("reports"), FullPage = true });
    }

    [BrowserFact]
    public async Task Prompts_AdminEditsSavesRunsThePlaygroundAndActivates()
    {
        using var client = await app.SignInAsync();
        var id = await Api.PromptsApiTests.IngestAsync(client, "Thank you so much, that fixed it.");
        var page = await SignedInPageAsync();
        await page.GotoAsync(app.BaseUrl + "/");
        await page.Locator("header.top nav a", new() { HasText = "Prompts" }).ClickAsync();
        await Expect(page.Locator("#versions .active-mark")).ToHaveCountAsync(1);

        await page.Locator("textarea[name=positive]").FillAsync("The customer's problem was solved before the call ended.");
        await page.Locator("input[name=note]").FillAsync("solved before the end");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as new version" }).ClickAsync();
        await Expect(page.Locator("#editor-status")).ToContainTextAsync("Saved v");
        var saved = System.Text.RegularExpressions.Regex.Match(await page.Locator("#editor-status").InnerTextAsync(), "Saved v([0-9]+)").Groups[1].Value;

        await page.Locator("input[name=conversationIds]").FillAsync(id);
        await page.GetByRole(AriaRole.Button, new() { Name = "Run on these conversations" }).ClickAsync();
        var row = page.Locator($"#playground-results tr[data-id='{id}']");
        await Expect(row.Locator("td.llm .chip")).ToContainTextAsync("+70");
        await Expect(row.Locator("td.current .chip")).ToHaveCountAsync(1);
        await Expect(row.Locator("td.llm")).ToContainTextAsync("Thank you so much");
        await page.ScreenshotAsync(new() { Path = Shot("prompts-playground"), FullPage = true });

        await page.Locator($"button[data-activate='{saved}']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm activation" }).ClickAsync();
        var activeRow = page.Locator("#versions tr", new() { Has = page.Locator($"span[data-version='{saved}']") });
        await Expect(activeRow.Locator(".active-mark")).ToHaveCountAsync(1);
        await Expect(activeRow).ToContainTextAsync("admin ·");
        await page.ScreenshotAsync(new() { Path = Shot("prompts-activated"), FullPage = true });
    }

    private async Task<IPage> SignedInPageAsync()
    {
        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/");
        await page.Locator("input[name=name]").FillAsync("admin");
        await page.Locator("input[name=password]").FillAsync(WebAppFixture.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("header.top")).ToBeVisibleAsync();
        return page;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    private static string Shot(string name) => Path.Combine(Screenshots, name + ".png");

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Toneline.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}
