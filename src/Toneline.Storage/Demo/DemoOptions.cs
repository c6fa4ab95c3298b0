namespace Toneline.Storage.Demo;

/// <summary>How much synthetic contact-center data to generate, over which days, from which seed.</summary>
public sealed record DemoOptions
{
    public int Conversations { get; init; } = 5000;

    public int Days { get; init; } = 90;

    public int Seed { get; init; } = 42;

    /// <summary>The last day of data (UTC); conversations spread over the <see cref="Days"/> days ending on it.</summary>
    public required DateOnly EndDate { get; init; }
}
