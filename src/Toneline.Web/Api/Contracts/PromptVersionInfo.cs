using Toneline.Llm.Prompts;

namespace Toneline.Web.Api.Contracts;

/// <summary>A saved prompt version as the Prompts page lists it; <see cref="Text"/> (the full system prompt) only when asked for one.</summary>
internal sealed record PromptVersionInfo(
    int Version, string Positive, string Negative, string Guidance, string Note, DateTimeOffset CreatedAt, string CreatedBy, bool Active, string? Text)
{
    public static PromptVersionInfo From(PromptVersion v, int activeVersion, bool withText = false)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.Version, v.Definitions.Positive, v.Definitions.Negative, v.Definitions.Guidance, v.Note, v.CreatedAt, v.CreatedBy, v.Version == activeVersion, withText ? v.Text : null);
    }
}
