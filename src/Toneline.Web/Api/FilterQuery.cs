namespace Toneline.Web.Api;

/// <summary>The search criteria as query-string values, parsed by <see cref="FilterParser"/> so that errors name the field.</summary>
/// <remarks>List criteria repeat (<c>band=Negative&amp;band=VeryNegative</c>) or separate with commas.</remarks>
internal sealed record FilterQuery(
    string? From,
    string? To,
    string? MinOverall,
    string? MaxOverall,
    string? MinAgent,
    string? MaxAgent,
    string? MinCustomer,
    string? MaxCustomer,
    string[]? Band,
    string[]? AgentBand,
    string[]? CustomerBand,
    string[]? Shift,
    string[]? Channel,
    string[]? Direction,
    string? MinDuration,
    string? MaxDuration,
    string? Agent,
    string? Group,
    string? Topic,
    string? Customer,
    string? Text,
    string? TextIn);
