namespace Toneline.Llm.Prompts;

/// <summary>The contact center's own words for what a positive and a negative conversation is.</summary>
/// <param name="Positive">When a conversation is positive.</param>
/// <param name="Negative">When a conversation is negative.</param>
/// <param name="Guidance">Anything else the model should know (products, policies), or empty.</param>
public sealed record PromptDefinitions(string Positive, string Negative, string Guidance = "")
{
    /// <summary>The definitions Toneline ships with.</summary>
    public static PromptDefinitions Default { get; } = new(
        Positive: "The customer was satisfied, all of their questions were answered and their issues were resolved during the call.",
        Negative: "The customer remained upset and frustrated at the end because their issues were not resolved due to the agent's or the company's fault.");
}
