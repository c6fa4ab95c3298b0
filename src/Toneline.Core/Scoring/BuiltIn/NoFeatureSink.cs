namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>Discards features: the rules-only path.</summary>
internal struct NoFeatureSink : IFeatureSink
{
    public readonly bool Enabled => false;

    public readonly void Add(ulong feature, int start, int end)
    {
    }

    public readonly void AddWhen(bool wanted, ulong feature, int start, int end)
    {
    }
}
