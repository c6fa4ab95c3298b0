namespace Toneline.Llm;

/// <summary>How the JSON answer is requested; older local servers support only the weaker forms.</summary>
public enum LlmResponseFormat
{
    /// <summary><c>response_format: json_schema</c> with the strict schema, plus instructions (OpenAI, vLLM, llama.cpp, recent Ollama).</summary>
    JsonSchema,

    /// <summary><c>response_format: json_object</c>, plus the schema in the instructions.</summary>
    JsonObject,

    /// <summary>No response format; the schema is in the instructions only.</summary>
    Text,
}
