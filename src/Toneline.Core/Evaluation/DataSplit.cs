using Toneline.Core.Text;

namespace Toneline.Core.Evaluation;

/// <summary>The fixed split between training and held-out data: five folds by a hash of the item id.</summary>
/// <remarks>
/// Fold 0 is held out: the shipped model never trains on it and evaluation of training files reports on
/// it alone. The fold of an item depends only on its id (or its text when it has no id), so the split
/// is the same on every machine and run.
/// </remarks>
public static class DataSplit
{
    /// <summary>The number of folds.</summary>
    public const int Folds = 5;

    /// <summary>The held-out fold.</summary>
    public const int HoldoutFold = 0;

    /// <summary>The fold of an item, 0..4.</summary>
    public static int FoldOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ulong hash = TextHash.Seed;
        foreach (char c in key)
        {
            hash = TextHash.Add(hash, c);
        }

        hash ^= hash >> 29;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 32;
        return (int)(hash % Folds);
    }

    /// <summary>Whether the item is in the held-out fold.</summary>
    public static bool IsHoldout(string key) => FoldOf(key) == HoldoutFold;
}
