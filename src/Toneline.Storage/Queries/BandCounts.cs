using Toneline.Core.Conversations;

namespace Toneline.Storage.Queries;

/// <summary>One row of the band report: a group's, or an agent's within a group, conversations per overall band.</summary>
/// <remarks>A missing group or agent id is <c>""</c>, as in the drill-down; <see cref="Bands"/> holds every band, with 0 when empty.</remarks>
public sealed record BandCounts(
    string Group, string? AgentId, string? AgentName, IReadOnlyDictionary<ScoreBand, long> Bands, long Total, double? AverageOverall)
{
    /// <summary>Share of the conversations in a negative band, for ordering like the drill-down.</summary>
    public double ShareNegative => Total == 0 ? 0 : (Bands[ScoreBand.VeryNegative] + Bands[ScoreBand.Negative]) / (double)Total;
}
