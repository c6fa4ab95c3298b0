namespace Toneline.Storage.Queries;

/// <summary>The width of a time-series point.</summary>
public enum TimeBucket
{
    Day,

    /// <summary>ISO weeks, Monday to Sunday (UTC).</summary>
    Week,
}
