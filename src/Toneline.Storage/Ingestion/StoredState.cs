using Toneline.Core.Scoring;

namespace Toneline.Storage.Ingestion;

/// <summary>What the store already holds for a conversation id: enough to skip unchanged re-imports.</summary>
public sealed record StoredState(string Id, string ContentHash, ScoringMethod? CurrentMethod);
