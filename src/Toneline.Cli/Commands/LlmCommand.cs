using System.CommandLine;
using Toneline.Cli.Commands.Llm;

namespace Toneline.Cli.Commands;

/// <summary>The <c>llm</c> verb: score with a model, manage prompt versions, try and regress them before activating.</summary>
internal static class LlmCommand
{
    public static Command Create() => new("llm", "Score with an LLM behind any OpenAI-compatible endpoint; edit, try and check prompts.")
    {
        LlmScoreCommand.Create(),
        LlmPromptCommand.Create(),
        LlmPlaygroundCommand.Create(),
        LlmRegressCommand.Create(),
    };
}
