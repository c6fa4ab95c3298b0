using System.Text.Json.Serialization;
using Toneline.Llm.Answers;

namespace Toneline.Llm.Caching;

/// <summary>Source-generated JSON for cached answers.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LlmAnswer))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;
