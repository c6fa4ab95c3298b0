namespace Toneline.Web.Api.Contracts;

/// <summary>Edited definitions: saved as a new version, or run as an unsaved draft.</summary>
internal sealed record NewPromptVersion(string? Positive, string? Negative, string? Guidance, string? Note);
