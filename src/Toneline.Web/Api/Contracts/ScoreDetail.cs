using Toneline.Core.Conversations;
using Toneline.Core.Scoring;
using Toneline.Storage.Ingestion;

namespace Toneline.Web.Api.Contracts;

/// <summary>The current score: sides and bands, shift and turning point, explanation, evidence and emotions.</summary>
internal sealed record ScoreDetail(
    string Method,
    int Overall,
    ScoreBand Band,
    int? Agent,
    ScoreBand? AgentBand,
    int? Customer,
    ScoreBand? CustomerBand,
    Shift Shift,
    int? TurningPointTurn,
    bool? Resolved,
    string Explanation,
    DateTimeOffset ScoredAt,
    IReadOnlyList<Highlight> Highlights,
    IReadOnlyDictionary<Emotion, double> Emotions)
{
    public static ScoreDetail From(StoredScore s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new ScoreDetail(
            s.Method.ToString(), s.Overall, ScoreBands.Of(s.Overall),
            s.Agent, s.Agent is { } a ? ScoreBands.Of(a) : null,
            s.Customer, s.Customer is { } c ? ScoreBands.Of(c) : null,
            s.Shift, s.TurningPointTurn, s.Resolved, s.Explanation, s.ScoredAt, s.Highlights, s.CustomerEmotions);
    }
}
