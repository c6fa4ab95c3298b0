namespace Toneline.Storage.Queries;

/// <summary>How healthy a share of negative conversations is.</summary>
/// <remarks>Strong below 10%, Healthy from 10% to below 20%, Strained from 20% to 35%, At risk above 35%.</remarks>
public enum SentimentHealth
{
    Strong,
    Healthy,
    Strained,
    AtRisk,
}
