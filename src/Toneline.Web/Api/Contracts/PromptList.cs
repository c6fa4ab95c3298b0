using Toneline.Llm.Prompts;

namespace Toneline.Web.Api.Contracts;

/// <summary>Every prompt version, the activation history (charts mark changes with it), and whether an LLM is configured.</summary>
internal sealed record PromptList(
    bool Configured,
    string? Endpoint,
    string? Model,
    string? HowToConfigure,
    int ActiveVersion,
    IReadOnlyList<PromptVersionInfo> Versions,
    IReadOnlyList<PromptActivation> Activations);
