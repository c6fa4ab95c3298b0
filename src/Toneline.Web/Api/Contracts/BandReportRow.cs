namespace Toneline.Web.Api.Contracts;

/// <summary>One group or agent in the call summary: conversations per band and in total.</summary>
internal sealed record BandReportRow(string Key, string? Name, string? Group, long VeryNegative, long Negative, long Neutral, long Positive, long VeryPositive, long Total, double? AverageOverall);
