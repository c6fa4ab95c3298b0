namespace Toneline.Llm.Prompts;

/// <summary>A record that a prompt version became the active one: charts mark the change with it.</summary>
/// <param name="Version">The version activated.</param>
/// <param name="ActivatedAt">When.</param>
/// <param name="ActivatedBy">Who.</param>
public sealed record PromptActivation(int Version, DateTimeOffset ActivatedAt, string ActivatedBy);
