namespace Toneline.Web.Api.Contracts;

/// <summary>A new API key; it is shown only in this response.</summary>
internal sealed record NewApiKey(string User, string Label, string Key);
