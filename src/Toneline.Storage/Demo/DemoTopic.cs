namespace Toneline.Storage.Demo;

/// <summary>A synthetic topic: how often it starts negative, and what customers say about it.</summary>
internal sealed record DemoTopic(string Name, double Negativity, string[] Problems, string[] Details, string[] Actions);
