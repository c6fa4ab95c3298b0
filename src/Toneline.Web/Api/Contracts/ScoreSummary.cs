using Toneline.Core.Conversations;
using Toneline.Storage.Ingestion;

namespace Toneline.Web.Api.Contracts;

/// <summary>Scores and bands with the explanation: what the playground puts side by side.</summary>
internal sealed record ScoreSummary(string Method, int Overall, ScoreBand Band, int? Agent, ScoreBand? AgentBand, int? Customer, ScoreBand? CustomerBand, string Explanation)
{
    public static ScoreSummary From(StoredScore s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Method.ToString(), s.Overall, ScoreBands.Of(s.Overall), s.Agent, s.Agent is { } a ? ScoreBands.Of(a) : null,
            s.Customer, s.Customer is { } c ? ScoreBands.Of(c) : null, s.Explanation);
    }

    public static ScoreSummary From(ConversationScore s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Method.ToString(), s.Overall.Score, s.Overall.Band, s.Agent?.Score, s.Agent?.Band, s.Customer?.Score, s.Customer?.Band, s.Explanation);
    }
}
