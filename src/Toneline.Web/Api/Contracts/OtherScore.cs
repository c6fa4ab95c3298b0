using Toneline.Core.Conversations;

namespace Toneline.Web.Api.Contracts;

/// <summary>A score kept from another scoring method.</summary>
internal sealed record OtherScore(string Method, int Overall, ScoreBand Band, DateTimeOffset ScoredAt);
