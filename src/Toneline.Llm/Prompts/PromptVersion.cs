namespace Toneline.Llm.Prompts;

/// <summary>One saved version of the prompt's definitions; every version is a scoring method version.</summary>
/// <param name="Version">1, 2, 3... in the order versions were created.</param>
/// <param name="Definitions">The editable definitions.</param>
/// <param name="CreatedAt">When it was saved.</param>
/// <param name="CreatedBy">Who saved it.</param>
/// <param name="Note">Why it was written, or empty.</param>
public sealed record PromptVersion(int Version, PromptDefinitions Definitions, DateTimeOffset CreatedAt, string CreatedBy, string Note = "")
{
    /// <summary>The system prompt this version sends, definitions filled in.</summary>
    public string Text => PromptBuilder.SystemPrompt(Definitions);
}
