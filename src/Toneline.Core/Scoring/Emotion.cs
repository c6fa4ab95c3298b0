namespace Toneline.Core.Scoring;

/// <summary>Emotions the built-in engine recognizes in a turn.</summary>
public enum Emotion
{
    /// <summary>Annoyed at obstacles: waiting, repeating, things still not working.</summary>
    Frustration,

    /// <summary>Hostile: furious, outrageous, insults, shouting.</summary>
    Anger,

    /// <summary>Expectations let down.</summary>
    Disappointment,

    /// <summary>Not understanding what happened or what to do.</summary>
    Confusion,

    /// <summary>Worried about an outcome.</summary>
    Anxiety,

    /// <summary>Thanks and appreciation.</summary>
    Gratitude,

    /// <summary>Pleased with the service or result.</summary>
    Satisfaction,

    /// <summary>A worry or problem lifted.</summary>
    Relief,

    /// <summary>Understanding and apology offered by the agent.</summary>
    Empathy,
}
