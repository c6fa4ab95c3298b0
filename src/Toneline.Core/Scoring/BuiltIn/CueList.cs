namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>Collects cues so they can be reported as evidence.</summary>
internal sealed class CueList : ICueSink
{
    private Cue[] _items = new Cue[8];

    public int Count { get; private set; }

    public ReadOnlySpan<Cue> Items => _items.AsSpan(0, Count);

    public void Add(in Cue cue)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = cue;
    }

    public void Scale(int from, double positive, double negative, CueNote note)
    {
        for (int i = from; i < Count; i++)
        {
            ref var cue = ref _items[i];
            double factor = cue.Weight >= 0 ? positive : negative;
            if (factor != 1)
            {
                cue.Weight *= factor;
                cue.Note |= note;
            }
        }
    }

    public void ScaleOne(int index, double factor, CueNote note)
    {
        _items[index].Weight *= factor;
        _items[index].Note |= note;
    }
}
