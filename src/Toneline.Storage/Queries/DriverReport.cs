namespace Toneline.Storage.Queries;

/// <summary>Topics and phrases behind negative conversations, and, for a date range, the mix decomposition.</summary>
public sealed record DriverReport(Kpis Baseline, IReadOnlyList<Driver> Topics, IReadOnlyList<Driver> Phrases, MixDecomposition? Change);
