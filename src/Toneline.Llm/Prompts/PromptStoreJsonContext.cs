using System.Text.Json.Serialization;

namespace Toneline.Llm.Prompts;

/// <summary>Source-generated JSON for the prompt store file.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PromptStoreData))]
internal sealed partial class PromptStoreJsonContext : JsonSerializerContext;
