using Toneline.Core.Conversations;

namespace Toneline.Web.Api.Contracts;

/// <summary>One stored conversation of an ingest and where to read it.</summary>
internal sealed record IngestedConversation(string Id, int Overall, ScoreBand Band, string Url);
