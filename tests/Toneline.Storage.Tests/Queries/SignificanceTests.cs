using Toneline.Storage.Queries;

namespace Toneline.Storage.Tests.Queries;

public sealed class SignificanceTests
{
    [Fact]
    public void Proportion_LargeClearChange_IsSignificant()
    {
        var delta = Significance.Proportion("share_negative", 300, 1000, 200, 1000);

        Assert.Equal(0.1, delta.Delta!.Value, 6);
        Assert.True(delta.Z > 1.96);
        Assert.True(delta.Significant);
        Assert.False(delta.SmallSample);
    }

    [Fact]
    public void Proportion_SmallChangeOnFewCalls_IsNotSignificant()
    {
        var delta = Significance.Proportion("share_negative", 11, 50, 10, 50);

        Assert.False(delta.Significant);
    }

    [Fact]
    public void Proportion_UnderThirtyConversations_IsFlaggedSmallAndNeverSignificant()
    {
        var delta = Significance.Proportion("share_negative", 10, 10, 0, 10);

        Assert.True(delta.SmallSample);
        Assert.False(delta.Significant);
    }

    [Theory]
    [InlineData(0.0, SentimentHealth.Strong)]
    [InlineData(0.0999, SentimentHealth.Strong)]
    [InlineData(0.10, SentimentHealth.Healthy)]
    [InlineData(0.20, SentimentHealth.Strained)]
    [InlineData(0.35, SentimentHealth.Strained)]
    [InlineData(0.3501, SentimentHealth.AtRisk)]
    public void HealthOf_ShareNegative_FollowsTheBandBoundaries(double share, SentimentHealth expected) =>
        Assert.Equal(expected, Kpis.HealthOf(share));
}
