using Toneline.Storage.Ingestion;
using Toneline.Storage.Queries;

namespace Toneline.Storage.Tests.Ingestion;

/// <summary>
/// The daily rollups answer dashboard queries; a score range the rollups cannot serve makes the same
/// query read conversations, so each pair below must agree after every kind of save.
/// </summary>
public sealed class ConversationStoreRollupTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Rollups_AfterImportReimportAndRescore_AgreeWithConversations(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var group = TestData.Unique("g");
        var other = TestData.Unique("g");
        var today = TestData.Today;
        var noStart = TestData.Conversation($"{group}-nostart", group, "awful", agent: "bob") with { StartTime = null };
        await TestData.SaveAsync(
            database,
            TestData.Conversation($"{group}-1", group, "awful", agent: "ann", topics: ["outage", "billing"]),
            TestData.Conversation($"{group}-2", group, "great", agent: "ann", opening: "awful wait, sorry", topics: ["outage"]),
            TestData.Conversation($"{group}-3", group, "ok", agent: "bob", day: today.AddDays(-1)),
            TestData.Conversation($"{group}-4", group, "great awful", agent: "bob", day: today.AddDays(-8), topics: []),
            noStart);
        await AssertAgreeAsync(database, group, expectedCount: 5);

        // Re-import with changes: another agent and sentiment, another day, another group.
        await TestData.SaveAsync(
            database,
            TestData.Conversation($"{group}-1", group, "great", agent: "bob", topics: ["refund"]),
            TestData.Conversation($"{group}-3", group, "ok", agent: "bob", day: today.AddDays(-3)),
            TestData.Conversation($"{group}-4", other, "awful", agent: "cy", day: today.AddDays(-8)));
        await AssertAgreeAsync(database, group, expectedCount: 4);
        await AssertAgreeAsync(database, other, expectedCount: 1);

        var rescored = await new ConversationImporter(database.Store, new FakeScorer("2")).RescoreAsync(group);
        Assert.Equal(4, rescored.Stored);
        await AssertAgreeAsync(database, group, expectedCount: 4);
        await AssertAgreeAsync(database, other, expectedCount: 1);
    }

    private static async Task AssertAgreeAsync(ConversationDatabase database, string group, long expectedCount)
    {
        var queries = database.Queries;
        var rollup = new ConversationFilter { Group = group };
        var scan = rollup with { MinOverall = -100 };
        var days = rollup with { From = TestData.Today.AddDays(-13), To = TestData.Today };
        var daysScan = days with { MinOverall = -100 };

        var kpis = await queries.KpisAsync(rollup);
        Assert.Equal(expectedCount, kpis.Count);
        AssertSame(await queries.KpisAsync(scan), kpis);
        AssertSame(await queries.KpisAsync(daysScan), await queries.KpisAsync(days));
        Assert.Equal(await queries.SummaryAsync(scan), await queries.SummaryAsync(rollup));

        var drilldown = await queries.DrilldownAsync(rollup);
        var drilldownScan = await queries.DrilldownAsync(scan);
        Assert.Equal(drilldownScan.Rows.Select(r => (r.Key, r.Name)), drilldown.Rows.Select(r => (r.Key, r.Name)));
        foreach (var (expected, actual) in drilldownScan.Rows.Zip(drilldown.Rows))
        {
            AssertSame(expected.Kpis, actual.Kpis);
        }

        foreach (var bucket in new[] { TimeBucket.Day, TimeBucket.Week })
        {
            var series = await queries.TimeSeriesAsync(rollup, bucket);
            var seriesScan = await queries.TimeSeriesAsync(scan, bucket);
            Assert.Equal(seriesScan.Select(p => (p.Start, p.Kpis.Count, p.Kpis.Negative)), series.Select(p => (p.Start, p.Kpis.Count, p.Kpis.Negative)));
        }

        var heatmap = await queries.HeatmapAsync(days, HeatmapRows.Agent);
        Assert.Equal((await queries.HeatmapAsync(daysScan, HeatmapRows.Agent)).Cells, heatmap.Cells);

        var drivers = await queries.DriversAsync(days);
        var driversScan = await queries.DriversAsync(daysScan);
        Assert.Equal(driversScan.Topics, drivers.Topics);
        Assert.Equal(driversScan.Phrases, drivers.Phrases);
        Assert.Equal(driversScan.Change!.Topics, drivers.Change!.Topics);
    }

    private static void AssertSame(Kpis expected, Kpis actual)
    {
        Assert.Equal(
            (expected.Count, expected.Negative, expected.Neutral, expected.Positive, expected.StartedNegative, expected.Recovered, expected.CountAgent, expected.CountCustomer),
            (actual.Count, actual.Negative, actual.Neutral, actual.Positive, actual.StartedNegative, actual.Recovered, actual.CountAgent, actual.CountCustomer));
        Assert.Equal(expected.AverageOverall ?? double.NaN, actual.AverageOverall ?? double.NaN, 9);
        Assert.Equal(expected.AverageAgent ?? double.NaN, actual.AverageAgent ?? double.NaN, 9);
        Assert.Equal(expected.AverageCustomer ?? double.NaN, actual.AverageCustomer ?? double.NaN, 9);
        Assert.Equal(expected.SumSquaresOverall, actual.SumSquaresOverall, 6);
        Assert.Equal(expected.SumSquaresAgent, actual.SumSquaresAgent, 6);
        Assert.Equal(expected.SumSquaresCustomer, actual.SumSquaresCustomer, 6);
    }
}
