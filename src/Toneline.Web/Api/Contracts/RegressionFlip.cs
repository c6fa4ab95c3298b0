namespace Toneline.Web.Api.Contracts;

/// <summary>A conversation whose class changes between the active method and the candidate: fixed, broke or still wrong.</summary>
internal sealed record RegressionFlip(string Id, string Label, string Active, int ActiveScore, string Candidate, int CandidateScore, string Verdict, string? Note);
