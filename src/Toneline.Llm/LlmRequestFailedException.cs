namespace Toneline.Llm;

/// <summary>No usable HTTP answer after the allowed retries; the message says why, for the fallback reason.</summary>
internal sealed class LlmRequestFailedException(string message, Exception? innerException = null)
    : Exception(message, innerException);
