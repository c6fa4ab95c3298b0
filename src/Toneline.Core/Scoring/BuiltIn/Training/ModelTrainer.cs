namespace Toneline.Core.Scoring.BuiltIn.Training;

/// <summary>
/// Trains the learned layer: multinomial logistic regression (neutral as reference) with AdaGrad over
/// the same features the engine computes at scoring time. Deterministic for a given input and seed.
/// </summary>
internal sealed class ModelTrainer(RuleScorer rules, TrainerOptions options)
{
    private const double Epsilon = 1e-8;

    /// <summary>Trains on the examples and returns the model.</summary>
    public LinearModel Train(IReadOnlyList<TrainingExample> examples, IReadOnlyList<string> sources, string description)
    {
        var featurized = examples.Select(Featurize).ToArray();
        var weights = ExampleWeights(examples);
        int buckets = 1 << options.Bits;
        var sparse = new float[2 * buckets];
        var sparseG = new float[2 * buckets];
        var dense = new float[DenseFeatures.Count * 2];
        var denseG = new float[DenseFeatures.Count * 2];
        var bias = new float[2];
        var biasG = new float[2];

        // Averaging the weights of the later epochs (Polyak averaging) smooths SGD's last steps.
        var sparseSum = new double[sparse.Length];
        var denseSum = new double[dense.Length];
        var biasSum = new double[bias.Length];
        var sourceIndex = examples.Select(e => e.Source).Distinct(StringComparer.Ordinal).Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);
        var offsets = new float[2 * sourceIndex.Count];
        var offsetsG = new float[offsets.Length];
        int averaged = 0;

        var order = Enumerable.Range(0, featurized.Length).ToArray();
        var random = new Random(options.Seed);
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            if (options.Average && epoch >= options.Epochs / 2)
            {
                // Weights as they stood at the end of the previous epoch.
                if (epoch > options.Epochs / 2)
                {
                    Accumulate(sparse, sparseSum);
                    Accumulate(dense, denseSum);
                    Accumulate(bias, biasSum);
                    averaged++;
                }
            }

            random.Shuffle(order);
            foreach (int e in order)
            {
                var (buckets_, denseValues, scale) = featurized[e];
                double zNegative = 0, zPositive = 0;
                foreach (int signed in buckets_)
                {
                    int sign = LinearModel.Unsign(signed, out int b);
                    zNegative += sign * sparse[2 * b];
                    zPositive += sign * sparse[(2 * b) + 1];
                }

                int source = 2 * sourceIndex[examples[e].Source];
                zNegative = bias[0] + offsets[source] + (scale * zNegative);
                zPositive = bias[1] + offsets[source + 1] + (scale * zPositive);

                for (int j = 0; j < denseValues.Length; j++)
                {
                    zNegative += denseValues[j] * dense[2 * j];
                    zPositive += denseValues[j] * dense[(2 * j) + 1];
                }

                double max = Math.Max(0, Math.Max(zNegative, zPositive));
                double eNegative = Math.Exp(zNegative - max), eNeutral = Math.Exp(-max), ePositive = Math.Exp(zPositive - max);
                double total = eNegative + eNeutral + ePositive;
                var label = examples[e].Label;
                double w = weights[e];
                double gNegative, gPositive;
                if (examples[e].Binary)
                {
                    // Binary sources say nothing about neutral: train only the negative-versus-positive
                    // balance, so they do not teach the model that nothing is ever neutral.
                    double q = ePositive / (ePositive + eNegative);
                    double g = q - (label == SentimentLabel.Positive ? 1 : 0);
                    gPositive = w * g;
                    gNegative = -w * g;
                }
                else
                {
                    gNegative = w * ((eNegative / total) - (label == SentimentLabel.Negative ? 1 : 0));
                    gPositive = w * ((ePositive / total) - (label == SentimentLabel.Positive ? 1 : 0));
                }

                Step(bias, biasG, 0, gNegative, l2: 0);
                Step(bias, biasG, 1, gPositive, l2: 0);
                if (options.SourceBias > 0)
                {
                    Step(offsets, offsetsG, source, gNegative, options.SourceBias);
                    Step(offsets, offsetsG, source + 1, gPositive, options.SourceBias);
                }

                foreach (int signed in buckets_)
                {
                    int sign = LinearModel.Unsign(signed, out int b);
                    Step(sparse, sparseG, 2 * b, sign * gNegative * scale, options.L2);
                    Step(sparse, sparseG, (2 * b) + 1, sign * gPositive * scale, options.L2);
                }

                for (int j = 0; j < denseValues.Length; j++)
                {
                    Step(dense, denseG, 2 * j, gNegative * denseValues[j], l2: 0);
                    Step(dense, denseG, (2 * j) + 1, gPositive * denseValues[j], l2: 0);
                }
            }
        }

        if (averaged > 0)
        {
            Average(sparse, sparseSum, averaged);
            Average(dense, denseSum, averaged);
            Average(bias, biasSum, averaged);
        }

        return new LinearModel(options.Bits, sparse, dense, bias, sources, description);
    }

    private static void Accumulate(float[] weights, double[] sums)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            sums[i] += weights[i];
        }
    }

    private static void Average(float[] weights, double[] sums, int count)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(sums[i] / count);
        }
    }

    private void Step(float[] weights, float[] squares, int index, double gradient, double l2)
    {
        double g = gradient + (l2 * weights[index]);
        squares[index] += (float)(g * g);
        weights[index] -= (float)(options.LearningRate * g / Math.Sqrt(squares[index] + Epsilon));
    }

    private (int[] Buckets, float[] Dense, float Scale) Featurize(TrainingExample example)
    {
        var collector = new CollectingSink(options.Bits);
        var cues = default(NoCueSink);
        var outcome = rules.Score(example.Text, example.Role, ref cues, ref collector);
        var dense = new float[DenseFeatures.Count];
        DenseFeatures.Fill(outcome, example.Role, dense);
        return (collector.Buckets.ToArray(), dense, LinearModel.SparseScale(outcome.Words, outcome.Sentences));
    }

    private double[] ExampleWeights(IReadOnlyList<TrainingExample> examples)
    {
        var weights = new double[examples.Count];
        if (!options.Balance)
        {
            Array.Fill(weights, 1);
            return weights;
        }

        // Each source weighs the same in total, and within a source each class weighs the same.
        var bySource = examples.Select((x, i) => (x, i)).GroupBy(p => p.x.Source).ToList();
        double perSourceBase = (double)examples.Count / bySource.Count;
        foreach (var source in bySource)
        {
            double perSource = perSourceBase * options.SourceWeights.GetValueOrDefault(source.Key, 1);
            var byClass = source.GroupBy(p => p.x.Label).ToList();
            double perClass = perSource / byClass.Count;
            foreach (var cls in byClass)
            {
                // Square-root balancing: rare classes count more, without letting a few dozen examples dominate.
                double natural = perSource * cls.Count() / source.Count();
                double target = Math.Sqrt(natural * perClass);
                foreach (var (_, i) in cls)
                {
                    weights[i] = target / cls.Count();
                }
            }
        }

        return weights;
    }

    private sealed class CollectingSink(int bits) : IFeatureSink
    {
        public List<int> Buckets { get; } = [];

        public bool Enabled => true;

        public void Add(ulong feature, int start, int end) =>
            Buckets.Add(LinearModel.SignedBucketOf(feature, bits));

        public void AddWhen(bool wanted, ulong feature, int start, int end)
        {
            if (wanted)
            {
                Add(feature, start, end);
            }
        }
    }
}
