namespace Toneline.Core.Scoring.BuiltIn.Training;

/// <summary>Hyperparameters of the learned layer's training.</summary>
internal sealed record TrainerOptions
{
    /// <summary>Log2 of the number of weight buckets.</summary>
    public int Bits { get; init; } = 18;

    public int Epochs { get; init; } = 15;

    public double LearningRate { get; init; } = 0.03;

    /// <summary>L2 penalty per update on the weights an example touches.</summary>
    public double L2 { get; init; } = 1e-5;

    /// <summary>Weights examples so every source, and every class within a source, counts alike.</summary>
    public bool Balance { get; init; } = true;

    public int Seed { get; init; } = 17;

    /// <summary>How much more (or less) a source counts than the others, by file name; 1 when absent.</summary>
    public IReadOnlyDictionary<string, double> SourceWeights { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// Gives each source its own bias offset during training, so a source's class mix (airline tweets
    /// are two-thirds complaints) goes into its offset instead of into the word weights; scoring uses
    /// the shared bias. 0 disables; otherwise the L2 penalty that keeps the offsets small.
    /// </summary>
    public double SourceBias { get; init; }

    /// <summary>Averages the weights over the second half of the epochs.</summary>
    public bool Average { get; init; } = true;
}
