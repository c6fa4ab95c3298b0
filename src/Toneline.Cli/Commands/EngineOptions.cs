using System.CommandLine;
using Toneline.Core.Scoring.BuiltIn;

namespace Toneline.Cli.Commands;

/// <summary>The options that pick the built-in engine's learned model: embedded, a file, or none.</summary>
internal static class EngineOptions
{
    public static Option<FileInfo?> ModelOption() =>
        new("--model") { Description = "A model file written by 'toneline train' to use instead of the embedded one." };

    public static Option<bool> RulesOnlyOption() =>
        new("--rules-only") { Description = "Score with the lexicon rules alone, without the learned layer." };

    public static bool TryCreate(FileInfo? model, bool rulesOnly, out BuiltInEngine engine, out string problem)
    {
        problem = "";
        if (model is null)
        {
            engine = rulesOnly ? new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false }) : BuiltInEngine.Default;
            return true;
        }

        try
        {
            using var stream = model.OpenRead();
            engine = new BuiltInEngine(new BuiltInEngineOptions(), LinearModel.Load(stream));
            return true;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            engine = BuiltInEngine.Default;
            problem = $"{model.FullName}: cannot load the model: {ex.Message}";
            return false;
        }
    }

    public static int Fail(string problem, TextWriter error)
    {
        error.WriteLine($"error: {problem}");
        return ExitCodes.BadInput;
    }
}
