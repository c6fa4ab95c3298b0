namespace Toneline.Core.Scoring;

/// <summary>Which engine, version and options produced a score; stamped on every stored result.</summary>
/// <param name="Engine">The engine's name, such as <c>toneline-builtin</c> or <c>llm</c>.</param>
/// <param name="Version">The engine's version, including its data files' version.</param>
/// <param name="OptionsHash">A short hash of the options that change results.</param>
public sealed record ScoringMethod(string Engine, string Version, string OptionsHash)
{
    /// <summary>The method as one string: <c>engine/version/hash</c>.</summary>
    public override string ToString() => $"{Engine}/{Version}/{OptionsHash}";
}
