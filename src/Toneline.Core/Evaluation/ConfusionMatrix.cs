namespace Toneline.Core.Evaluation;

/// <summary>Counts of gold versus predicted labels, with accuracy and per-class and macro F1.</summary>
/// <remarks>
/// Classes are the distinct labels given at construction, in that order. Precision, recall and F1
/// of a class that never occurs in gold nor prediction are 0 and the class still counts in the macro
/// average, as scikit-learn does with <c>labels=</c> given.
/// </remarks>
public sealed class ConfusionMatrix
{
    private readonly long[,] _counts;
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates an empty matrix over the given class labels.</summary>
    public ConfusionMatrix(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(labels.Count, 2);
        Labels = labels;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < labels.Count; i++)
        {
            _index.Add(labels[i], i);
        }

        _counts = new long[labels.Count, labels.Count];
    }

    /// <summary>The class labels, in row/column order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The number of recorded pairs.</summary>
    public long Total { get; private set; }

    /// <summary>How many items of gold class <paramref name="gold"/> were predicted as <paramref name="predicted"/>.</summary>
    public long this[string gold, string predicted] => _counts[IndexOf(gold), IndexOf(predicted)];

    /// <summary>Records one gold/predicted pair.</summary>
    /// <exception cref="ArgumentException">A label is not one of <see cref="Labels"/>.</exception>
    public void Add(string gold, string predicted)
    {
        _counts[IndexOf(gold), IndexOf(predicted)]++;
        Total++;
    }

    /// <summary>The share of items predicted correctly, in [0, 1].</summary>
    public double Accuracy
    {
        get
        {
            long correct = 0;
            for (int i = 0; i < Labels.Count; i++)
            {
                correct += _counts[i, i];
            }

            return Total == 0 ? 0 : (double)correct / Total;
        }
    }

    /// <summary>The unweighted mean of per-class F1.</summary>
    public double MacroF1 => Labels.Average(label => Metrics(label).F1);

    /// <summary>Precision, recall, F1 and support (gold count) of one class.</summary>
    public ClassMetrics Metrics(string label)
    {
        int c = IndexOf(label);
        long truePositive = _counts[c, c];
        long predicted = 0, gold = 0;
        for (int i = 0; i < Labels.Count; i++)
        {
            predicted += _counts[i, c];
            gold += _counts[c, i];
        }

        double precision = predicted == 0 ? 0 : (double)truePositive / predicted;
        double recall = gold == 0 ? 0 : (double)truePositive / gold;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassMetrics(label, precision, recall, f1, gold);
    }

    private int IndexOf(string label) =>
        _index.TryGetValue(label, out int index)
            ? index
            : throw new ArgumentException($"'{label}' is not one of the classes {string.Join(", ", Labels)}.", nameof(label));
}
