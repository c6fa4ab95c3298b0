namespace Toneline.Web.Api.Contracts;

/// <summary>What an ingest stored: every conversation with its new score.</summary>
internal sealed record IngestResult(int Stored, string Method, IReadOnlyList<IngestedConversation> Conversations);
