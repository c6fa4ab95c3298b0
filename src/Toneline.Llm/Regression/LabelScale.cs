namespace Toneline.Llm.Regression;

/// <summary>The granularity a labeled set is judged at.</summary>
public enum LabelScale
{
    /// <summary>negative / neutral / positive.</summary>
    ThreeWay,

    /// <summary>The five score bands.</summary>
    FiveBands,
}
