namespace Toneline.Web.Api.Contracts;

/// <summary>Precision and recall of one class (band) for the candidate and the method it is compared with.</summary>
internal sealed record RegressionClass(string Label, double Precision, double Recall, long Support, double ActivePrecision, double ActiveRecall);
