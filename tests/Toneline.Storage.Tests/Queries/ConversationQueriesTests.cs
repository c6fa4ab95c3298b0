using Toneline.Core.Conversations;
using Toneline.Storage.Database;
using Toneline.Storage.Queries;

namespace Toneline.Storage.Tests.Queries;

public sealed class ConversationQueriesTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Search_CombinedFilters_ReturnOnlyConversationsMatchingAll(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var group = TestData.Unique("g");
        await TestData.SaveAsync(
            database,
            TestData.Conversation("neg-long-" + group, group, "awful", duration: 600, topics: ["outage"]),
            TestData.Conversation("neg-short-" + group, group, "awful", duration: 30, topics: ["outage"]),
            TestData.Conversation("neg-chat-" + group, group, "awful", duration: 600, topics: ["outage"], channel: Channel.Chat),
            TestData.Conversation("pos-long-" + group, group, "great", duration: 600, topics: ["outage"]));
        var filter = new ConversationFilter
        {
            Group = group,
            Bands = [ScoreBand.VeryNegative, ScoreBand.Negative],
            MinDurationSeconds = 300,
            Channels = [Channel.Call],
            Topic = "outage",
            MaxCustomer = 0,
            From = TestData.Today.AddDays(-1),
            To = TestData.Today,
        };

        var page = await database.Queries.SearchAsync(new SearchRequest(filter));

        Assert.Equal("neg-long-" + group, Assert.Single(page.Items).Id);
        Assert.Null(page.Next);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Search_PagesWithCursor_VisitEveryConversationOnceInOrder(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var group = TestData.Unique("g");
        var agents = new[] { "b", "a", "c", "a", "b", "a", "d" };
        await TestData.SaveAsync(database, [.. agents.Select((a, i) => TestData.Conversation($"{group}-{i}", group, "ok", agent: a))]);

        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await database.Queries.SearchAsync(new SearchRequest(new ConversationFilter { Group = group }, SortField.Agent, Descending: false, Limit: 3, After: after));
            seen.AddRange(page.Items.Select(i => i.AgentId!));
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.Equal(3, pages);
        Assert.Equal(agents.Order(StringComparer.Ordinal), seen);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Search_SortedByScoreDescending_PutsTheHappiestFirst(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var group = TestData.Unique("g");
        await TestData.SaveAsync(
            database,
            TestData.Conversation($"{group}-mid", group, "fine"),
            TestData.Conversation($"{group}-top", group, "great"),
            TestData.Conversation($"{group}-low", group, "awful"));

        var page = await database.Queries.SearchAsync(new SearchRequest(new ConversationFilter { Group = group }, SortField.Overall, Limit: 2));
        var rest = await database.Queries.SearchAsync(new SearchRequest(new ConversationFilter { Group = group }, SortField.Overall, Limit: 2, After: page.Next));

        Assert.Equal([$"{group}-top", $"{group}-mid"], page.Items.Select(i => i.Id));
        Assert.Equal($"{group}-low", Assert.Single(rest.Items).Id);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Search_Words_MatchTranscriptOrExplanationAsAsked(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var group = TestData.Unique("g");
        var word = "zq" + Guid.NewGuid().ToString("N")[..8];
        await TestData.SaveAsync(
            database,
            TestData.Conversation($"{group}-word", group, $"My router {word} is awful"),
            TestData.Conversation($"{group}-other", group, "My router is great"));

        async Task<IEnumerable<string>> Find(string text, TextTarget target) =>
            (await database.Queries.SearchAsync(new SearchRequest(new ConversationFilter { Group = group, Text = text, TextIn = target }))).Items.Select(i => i.Id);

        Assert.Equal([$"{group}-word"], await Find(word.ToUpperInvariant() + " ROUTER", TextTarget.Any));
        Assert.Equal([$"{group}-word"], await Find(word, TextTarget.Transcript));
        Assert.Empty(await Find(word, TextTarget.Explanation));
        Assert.Equal([$"{group}-word"], await Find("upset", TextTarget.Explanation));
        Assert.Empty(await Find("\"router\" OR NEAR(", TextTarget.Any));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Summary_CountsEveryBandIncludingEmptyOnes(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var group = TestData.Unique("g");
        await TestData.SaveAsync(
            database,
            TestData.Conversation($"{group}-1", group, "awful"),
            TestData.Conversation($"{group}-2", group, "awful"),
            TestData.Conversation($"{group}-3", group, "great"));

        var summary = await database.Queries.SummaryAsync(new ConversationFilter { Group = group });

        Assert.Equal(2, summary[ScoreBand.VeryNegative]);
        Assert.Equal(1, summary[ScoreBand.VeryPositive]);
        Assert.Equal(0, summary[ScoreBand.Neutral]);
        Assert.Equal(5, summary.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Kpis_ComputeSharesNetSentimentHealthAndRecovery(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var group = TestData.Unique("g");
        await TestData.SaveAsync(
            database,
            TestData.Conversation($"{group}-1", group, "awful"),
            TestData.Conversation($"{group}-2", group, "great", opening: "awful wait, sorry"),
            TestData.Conversation($"{group}-3", group, "ok", opening: "awful wait, sorry"),
            TestData.Conversation($"{group}-4", group, "great"));

        var kpis = await database.Queries.KpisAsync(new ConversationFilter { Group = group });

        Assert.Equal(4, kpis.Count);
        Assert.Equal(1, kpis.Negative);
        Assert.Equal(1, kpis.Neutral);
        Assert.Equal(2, kpis.Positive);
        Assert.Equal(0.25, kpis.NetSentiment);
        Assert.Equal(0.25, kpis.ShareNegative);
        Assert.Equal(SentimentHealth.Strained, kpis.Health);
        Assert.Equal(2, kpis.StartedNegative);
        Assert.Equal(1.0, kpis.RecoveryRate);
        Assert.Equal(20.0, kpis.AverageOverall);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Compare_UsesThePreviousPeriodOfEqualLengthAndFlagsSmallSamples(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var group = TestData.Unique("g");
        var today = TestData.Today;
        await TestData.SaveAsync(
            database,
            TestData.Conversation($"{group}-now", group, "awful", day: today),
            TestData.Conversation($"{group}-before", group, "great", day: today.AddDays(-7)),
            TestData.Conversation($"{group}-older", group, "great", day: today.AddDays(-14)));

        var comparison = await database.Queries.CompareAsync(new ConversationFilter { Group = group, From = today.AddDays(-6), To = today });

        Assert.Equal(today.AddDays(-13), comparison.PreviousFrom);
        Assert.Equal(today.AddDays(-7), comparison.PreviousTo);
        Assert.Equal(1, comparison.Current.Count);
        Assert.Equal(1, comparison.Previous.Count);
        var shareNegative = Assert.Single(comparison.Deltas, d => d.Metric == "share_negative");
        Assert.Equal(1.0, shareNegative.Delta);
        Assert.True(shareNegative.SmallSample);
        Assert.False(shareNegative.Significant);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Drilldown_GoesFromOrganizationToGroupToAgentToConversations(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var group = TestData.Unique("g");
        await TestData.SaveAsync(
            database,
            TestData.Conversation($"{group}-1", group, "awful", agent: "ann"),
            TestData.Conversation($"{group}-2", group, "great", agent: "ann"),
            TestData.Conversation($"{group}-3", group, "great", agent: "bob"));

        var groupLevel = await database.Queries.DrilldownAsync(new ConversationFilter { Group = group });
        var agentLevel = await database.Queries.DrilldownAsync(new ConversationFilter { Group = group, AgentId = "ann" });
        var organization = await database.Queries.DrilldownAsync(new ConversationFilter { From = TestData.Today, To = TestData.Today });

        Assert.Equal(DrilldownLevel.Group, groupLevel.Level);
        Assert.Equal(3, groupLevel.Total.Count);
        Assert.Equal(["ann", "bob"], groupLevel.Rows.Select(r => r.Key));
        Assert.Equal("ANN", groupLevel.Rows[0].Name);
        Assert.Equal(0.5, groupLevel.Rows[0].Kpis.ShareNegative);
        Assert.Equal(DrilldownLevel.Agent, agentLevel.Level);
        Assert.Equal($"{group}-1", agentLevel.Conversations!.Items[0].Id);
        Assert.Equal(DrilldownLevel.Organization, organization.Level);
        Assert.Equal(3, Assert.Single(organization.Rows, r => r.Key == group).Kpis.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TimeSeries_ByWeek_StartsEachPointOnMonday(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var group = TestData.Unique("g");
        var tuesday = new DateOnly(2026, 3, 24);
        await TestData.SaveAsync(
            database,
            TestData.Conversation($"{group}-1", group, "awful", day: tuesday),
            TestData.Conversation($"{group}-2", group, "great", day: tuesday.AddDays(5)),
            TestData.Conversation($"{group}-3", group, "great", day: tuesday.AddDays(6)));

        var weeks = await database.Queries.TimeSeriesAsync(new ConversationFilter { Group = group }, TimeBucket.Week);
        var days = await database.Queries.TimeSeriesAsync(new ConversationFilter { Group = group }, TimeBucket.Day);

        Assert.Equal([(new DateOnly(2026, 3, 23), 2L), (new DateOnly(2026, 3, 30), 1L)], weeks.Select(w => (w.Start, w.Kpis.Count)));
        Assert.Equal(3, days.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Heatmap_DefaultsToTheLast30DaysWithACellPerAgentAndDay(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var group = TestData.Unique("g");
        await TestData.SaveAsync(
            database,
            TestData.Conversation($"{group}-1", group, "awful", agent: "ann"),
            TestData.Conversation($"{group}-2", group, "great", agent: "ann"),
            TestData.Conversation($"{group}-3", group, "great", agent: "bob", day: TestData.Today.AddDays(-3)),
            TestData.Conversation($"{group}-4", group, "great", agent: "bob", day: TestData.Today.AddDays(-40)));

        var heatmap = await database.Queries.HeatmapAsync(new ConversationFilter { Group = group }, HeatmapRows.Agent);

        Assert.Equal(TestData.Today.AddDays(-29), heatmap.From);
        Assert.Equal(2, heatmap.Cells.Count);
        var ann = heatmap.Cells[0];
        Assert.Equal(("ann", TestData.Today, 2L, 1L, 1L, 0.0), (ann.Row, ann.Day, ann.Count, ann.Negative, ann.Positive, ann.AverageOverall!.Value));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Drivers_FindTheTopicAndPhraseThatConcentrateNegatives(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var group = TestData.Unique("g");
        var today = TestData.Today;
        var now = Enumerable.Range(0, 10).Select(i => TestData.Conversation($"{group}-n{i}", group, i < 4 ? "awful" : "great", day: today, topics: [i < 5 ? "outage" : "billing"]));
        var before = Enumerable.Range(0, 10).Select(i => TestData.Conversation($"{group}-b{i}", group, i < 1 ? "awful" : "great", day: today.AddDays(-1), topics: [i < 2 ? "outage" : "billing"]));
        await TestData.SaveAsync(database, [.. now, .. before]);

        var report = await database.Queries.DriversAsync(new ConversationFilter { Group = group, From = today, To = today });

        var outage = report.Topics[0];
        Assert.Equal(("outage", 5L, 4L), (outage.Name, outage.Count, outage.Negative));
        Assert.Equal(2.0, outage.Lift!.Value, 6);
        Assert.Equal("awful", report.Phrases[0].Name);
        var change = report.Change!;
        Assert.Equal(0.3, change.Change, 6);
        Assert.Equal(change.Change, change.MixEffect + change.WithinEffect, 6);
        Assert.True(change.MixEffect > 0);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Groups_ASetOfGroups_LimitsEveryQueryToThoseGroups(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var (a, b, c) = (TestData.Unique("a"), TestData.Unique("b"), TestData.Unique("c"));
        await TestData.SaveAsync(
            database,
            TestData.Conversation($"{a}-1", a, "awful"),
            TestData.Conversation($"{a}-2", a, "great"),
            TestData.Conversation($"{b}-1", b, "awful"),
            TestData.Conversation($"{b}-2", b, "awful"),
            TestData.Conversation($"{c}-1", c, "great"));
        // The rollup serves the first filter; the score range sends the second to the conversations table.
        var rolledUp = new ConversationFilter { Groups = [a, c], From = TestData.Today, To = TestData.Today };
        var direct = rolledUp with { MinOverall = -100 };

        foreach (var filter in new[] { rolledUp, direct })
        {
            var summary = await database.Queries.SummaryAsync(filter);
            var kpis = await database.Queries.KpisAsync(filter);
            var search = await database.Queries.SearchAsync(new SearchRequest(filter, SortField.Id, Descending: false));
            var heatmap = await database.Queries.HeatmapAsync(filter, HeatmapRows.Group);
            var drilldown = await database.Queries.DrilldownAsync(filter);

            Assert.Equal(1, summary[ScoreBand.VeryNegative]);
            Assert.Equal(2, summary[ScoreBand.VeryPositive]);
            Assert.Equal(3, kpis.Count);
            Assert.Equal(1, kpis.Negative);
            Assert.Equal([$"{a}-1", $"{a}-2", $"{c}-1"], search.Items.Select(i => i.Id));
            Assert.Equal([a, c], heatmap.Cells.Select(cell => cell.Row).Order(StringComparer.Ordinal));
            Assert.Equal([a, c], drilldown.Rows.Select(r => r.Key).Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Groups_AnEmptySet_MatchesNothing(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var group = TestData.Unique("g");
        await TestData.SaveAsync(database, TestData.Conversation($"{group}-1", group, "awful"));

        var kpis = await database.Queries.KpisAsync(new ConversationFilter { Groups = [] });
        var search = await database.Queries.SearchAsync(new SearchRequest(new ConversationFilter { Groups = [], MinOverall = -100 }));

        Assert.Equal(0, kpis.Count);
        Assert.Empty(search.Items);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BandReport_EqualsTheSummaryOfEachGroupAndAgent(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var (a, b) = (TestData.Unique("a"), TestData.Unique("b"));
        string[] texts = ["awful", "great", "ok", "awful", "great", "awful", "fine"];
        string[] agents = ["ann", "bob", "cy"];
        await TestData.SaveAsync(
            database,
            [.. Enumerable.Range(0, 21).Select(i => TestData.Conversation(
                $"{(i % 2 == 0 ? a : b)}-{i}", i % 2 == 0 ? a : b, texts[i % texts.Length], TestData.Today.AddDays(-(i % 3)), agents[i % agents.Length]))]);
        // The rollup serves the first filter; the score range sends the second to the conversations table.
        var rolledUp = new ConversationFilter { Groups = [a, b] };
        var direct = rolledUp with { MinOverall = -100 };

        foreach (var filter in new[] { rolledUp, direct })
        {
            var byAgent = await database.Queries.BandReportAsync(filter, byAgent: true);
            var byGroup = await database.Queries.BandReportAsync(filter, byAgent: false);

            Assert.Equal(6, byAgent.Count);
            Assert.Equal([a, b], byGroup.Select(r => r.Group).Order(StringComparer.Ordinal));
            foreach (var row in byAgent.Concat(byGroup))
            {
                var scoped = filter with { Group = row.Group, AgentId = row.AgentId };
                var summary = await database.Queries.SummaryAsync(scoped);
                var kpis = await database.Queries.KpisAsync(scoped);
                Assert.Equal(summary, row.Bands);
                Assert.Equal(kpis.Count, row.Total);
                Assert.Equal(kpis.AverageOverall!.Value, row.AverageOverall!.Value, 9);
                Assert.Equal(row.AgentId?.ToUpperInvariant(), row.AgentName);
            }

            Assert.Equal(byGroup.Select(r => r.ShareNegative).OrderDescending(), byGroup.Select(r => r.ShareNegative));
        }
    }
}
