using Toneline.Core.Conversations;

namespace Toneline.Core.Tests;

public sealed class ScoreBandsTests
{
    [Theory]
    [InlineData(-100, ScoreBand.VeryNegative)]
    [InlineData(-61, ScoreBand.VeryNegative)]
    [InlineData(-60, ScoreBand.Negative)]
    [InlineData(-21, ScoreBand.Negative)]
    [InlineData(-20, ScoreBand.Neutral)]
    [InlineData(0, ScoreBand.Neutral)]
    [InlineData(20, ScoreBand.Neutral)]
    [InlineData(21, ScoreBand.Positive)]
    [InlineData(60, ScoreBand.Positive)]
    [InlineData(61, ScoreBand.VeryPositive)]
    [InlineData(100, ScoreBand.VeryPositive)]
    public void Of_BoundaryScores_FollowTheDocumentedRule(int score, ScoreBand expected) =>
        Assert.Equal(expected, ScoreBands.Of(score));

    [Theory]
    [InlineData(-101)]
    [InlineData(101)]
    public void Of_OutOfRange_Throws(int score) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreBands.Of(score));

    [Theory]
    [InlineData(-0.205, -21)]
    [InlineData(0.205, 21)]
    [InlineData(0.2049, 20)]
    [InlineData(1.5, 100)]
    public void ToHundred_RoundsHalfAwayFromZeroAndClamps(double score, int expected) =>
        Assert.Equal(expected, ScoreBands.ToHundred(score));

    [Theory]
    [InlineData(-100, -5)]
    [InlineData(-50, -3)]
    [InlineData(-49, -2)]
    [InlineData(0, 0)]
    [InlineData(30, 2)]
    [InlineData(100, 5)]
    public void ToContactLens_MapsToMinusFiveToFive(int score, int expected) =>
        Assert.Equal(expected, ScoreBands.ToContactLens(score));
}
