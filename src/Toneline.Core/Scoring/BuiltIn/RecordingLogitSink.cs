namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>
/// Adds features to the logits like <see cref="LogitSink"/> and remembers how much each token moved
/// the positive-versus-negative balance, so learned weights can be shown as evidence on their words.
/// </summary>
internal sealed class RecordingLogitSink(LinearModel model) : IFeatureSink
{
    private readonly List<(int Start, int End, float Contribution)> _contributions = [];

    private int _negative;
    private int _positive;

    // Summed in quantized units, exactly as LogitSink does, so both paths give the same score.
    public float Negative => _negative * model.Step;

    public float Positive => _positive * model.Step;

    public bool Enabled => true;

    public IReadOnlyList<(int Start, int End, float Contribution)> Contributions => _contributions;

    public void AddWhen(bool wanted, ulong feature, int start, int end)
    {
        if (wanted)
        {
            Add(feature, start, end);
        }
    }

    public void Add(ulong feature, int start, int end)
    {
        model.WeightsOf(feature, out int negativeSteps, out int positiveSteps);
        _negative += negativeSteps;
        _positive += positiveSteps;
        float negative = negativeSteps * model.Step, positive = positiveSteps * model.Step;
        if (_contributions.Count > 0 && _contributions[^1].Start == start && _contributions[^1].End == end)
        {
            var last = _contributions[^1];
            _contributions[^1] = (start, end, last.Contribution + positive - negative);
        }
        else
        {
            _contributions.Add((start, end, positive - negative));
        }
    }
}
