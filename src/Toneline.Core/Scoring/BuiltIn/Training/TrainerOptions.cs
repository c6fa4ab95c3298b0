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

    /// <summary>Averages the weights over the second half of the epochs.</summary>
    public bool Average { get; init; } = true;
}
