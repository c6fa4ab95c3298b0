namespace Toneline.Storage.Queries;

/// <summary>A topic or phrase and how strongly it concentrates negative conversations.</summary>
/// <param name="Count">Conversations with it.</param>
/// <param name="Negative">Negative conversations with it.</param>
/// <param name="ShareNegative">Negative / Count.</param>
/// <param name="Lift">ShareNegative divided by the share negative of all filtered conversations; above 1 concentrates negatives.</param>
/// <param name="ShareOfNegatives">The part of all negative conversations that have it.</param>
public sealed record Driver(string Name, long Count, long Negative, double ShareNegative, double? Lift, double? ShareOfNegatives);
