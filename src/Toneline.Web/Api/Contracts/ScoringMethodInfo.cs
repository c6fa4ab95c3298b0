namespace Toneline.Web.Api.Contracts;

/// <summary>A scoring method the server can score with, and whether ingestion uses it.</summary>
internal sealed record ScoringMethodInfo(string Name, string Method, bool UsedForIngest, string Description);
