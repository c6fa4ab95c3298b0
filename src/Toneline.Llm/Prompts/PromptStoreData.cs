namespace Toneline.Llm.Prompts;

/// <summary>The prompt store's file content: versions and the activation history, oldest first.</summary>
internal sealed record PromptStoreData(List<PromptVersion> Versions, List<PromptActivation> Activations);
