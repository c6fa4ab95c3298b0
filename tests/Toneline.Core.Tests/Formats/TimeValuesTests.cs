using Toneline.Core.Formats;

namespace Toneline.Core.Tests.Formats;

public sealed class TimeValuesTests
{
    [Theory]
    [InlineData("01:23", 83)]
    [InlineData("00:01:23", 83)]
    [InlineData("1:02:03.5", 3723.5)]
    [InlineData("00:00:01,250", 1.25)]
    public void TryParseClock_Stamps_ReturnsSeconds(string stamp, double expected)
    {
        Assert.True(TimeValues.TryParseClock(stamp, out var seconds));
        Assert.Equal(expected, seconds, 6);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("1:2:3:4")]
    [InlineData("a:00")]
    [InlineData("00:-1")]
    public void TryParseClock_NotAStamp_ReturnsFalse(string text) =>
        Assert.False(TimeValues.TryParseClock(text, out _));

    [Fact]
    public void TryParseSeconds_PlainNumber_IsSeconds()
    {
        Assert.True(TimeValues.TryParseSeconds("12.5", out var seconds));
        Assert.Equal(12.5, seconds);
    }
}
