using Toneline.Core.Text;

namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>
/// Passes an agent's features on, each with an agent's copy: the shared weights learn mostly from
/// customers, for whom "we can't change the address" or "fee" is a complaint; the copies' weights
/// learn what the same words mean from an agent (procedure, courtesy) and correct the shared ones.
/// </summary>
/// <typeparam name="TInner">The sink the features and their copies go to.</typeparam>
internal struct AgentFeatureSink<TInner> : IFeatureSink
    where TInner : IFeatureSink
{
    private const ulong AgentSalt = 0x9e3779b97f4a7c15UL;

    /// <summary>The sink that receives the features; copied back to the caller's when the walk ends.</summary>
    public TInner Inner;

    public readonly bool Enabled => Inner.Enabled;

    public void Add(ulong feature, int start, int end)
    {
        Inner.Add(feature, start, end);
        Inner.Add(TextHash.Combine(feature, AgentSalt), start, end);
    }

    public void AddWhen(bool wanted, ulong feature, int start, int end)
    {
        Inner.AddWhen(wanted, feature, start, end);
        Inner.AddWhen(wanted, TextHash.Combine(feature, AgentSalt), start, end);
    }
}
