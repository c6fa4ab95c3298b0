namespace Toneline.Core.Evaluation;

/// <summary>Precision, recall and F1 of one class.</summary>
/// <param name="Label">The class.</param>
/// <param name="Precision">Share of predictions of this class that were right.</param>
/// <param name="Recall">Share of gold items of this class that were found.</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="Support">Number of gold items of this class.</param>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, long Support);
