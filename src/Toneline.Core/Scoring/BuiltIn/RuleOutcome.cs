namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>What the rule layer found in a text: its score and the totals the learned layer uses as features.</summary>
internal struct RuleOutcome
{
    /// <summary>The rules' score in [-1, 1].</summary>
    public double Score;

    /// <summary>Sum of positive cue weights after all rules.</summary>
    public double Positive;

    /// <summary>Sum of negative cue weights after all rules (≤ 0).</summary>
    public double Negative;

    /// <summary>Sum of the absolute weights of cues inside "if" clauses (hypothetical).</summary>
    public double Hypothetical;

    public int Cues;
    public int Words;
    public int Sentences;
    public int Questions;
    public int Exclamations;
    public int Negators;
    public bool Shouting;
}
