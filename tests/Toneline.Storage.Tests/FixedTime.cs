namespace Toneline.Storage.Tests;

/// <summary>A clock stopped at noon UTC of a given day.</summary>
internal sealed class FixedTime(DateOnly day) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
