using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Toneline.Core.Conversations;
using Toneline.Core.Formats;

namespace Toneline.Cli.Commands;

internal static partial class ScoreCommand
{
    private static readonly JsonWriterOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonWriterOptions IndentedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>Bytes to standard output go straight to its stream; anything else (tests) through the writer.</summary>
    private static Stream OpenStream(TextWriter output) =>
        output == Console.Out ? new BufferedStream(Console.OpenStandardOutput(), 1 << 16) : new TextWriterStream(output);

    /// <summary>Where scored conversations go, in input order.</summary>
    private abstract class ResultSink : IDisposable
    {
        /// <summary>Whether scoring workers should call <see cref="Serialize"/> so that writing is a copy.</summary>
        public virtual bool SerializesInParallel => false;

        public static ResultSink Create(Settings settings, TextWriter output) => settings.Output switch
        {
            OutputFormat.Jsonl => new JsonlSink(OpenStream(output), settings.IncludeTurns),
            OutputFormat.Table => new TableSink(output),
            _ => new JsonArraySink(OpenStream(output), settings.IncludeTurns),
        };

        public virtual byte[] Serialize(Conversation conversation, ConversationScore score) => throw new NotSupportedException();

        public abstract void Write(Conversation conversation, ConversationScore score, byte[]? serialized);

        /// <summary>Pushes what was written so far to the destination; called after every batch.</summary>
        public virtual void Flush()
        {
        }

        /// <summary>Finishes the output after the last result.</summary>
        public abstract void Complete();

        public virtual void Dispose()
        {
        }
    }

    /// <summary>One compact JSON object per line, serialized by the scoring workers.</summary>
    private sealed class JsonlSink(Stream stream, bool includeTurns) : ResultSink
    {
        public override bool SerializesInParallel => true;

        public override byte[] Serialize(Conversation conversation, ConversationScore score)
        {
            var buffer = new ArrayBufferWriter<byte>(4096);
            using (var writer = new Utf8JsonWriter(buffer, CompactJson))
            {
                ScoreJsonWriter.Write(writer, conversation, score, includeTurns);
            }

            buffer.Write("\n"u8);
            return buffer.WrittenSpan.ToArray();
        }

        public override void Write(Conversation conversation, ConversationScore score, byte[]? serialized) =>
            stream.Write(serialized ?? Serialize(conversation, score));

        public override void Flush() => stream.Flush();

        public override void Complete() => stream.Flush();

        public override void Dispose() => stream.Dispose();
    }

    /// <summary>An indented JSON array, written element by element and flushed as it grows.</summary>
    private sealed class JsonArraySink : ResultSink
    {
        private const int FlushThreshold = 1 << 16;
        private readonly Stream _stream;
        private readonly Utf8JsonWriter _writer;
        private readonly bool _includeTurns;

        public JsonArraySink(Stream stream, bool includeTurns)
        {
            _stream = stream;
            _includeTurns = includeTurns;
            _writer = new Utf8JsonWriter(stream, IndentedJson);
            _writer.WriteStartArray();
        }

        public override void Write(Conversation conversation, ConversationScore score, byte[]? serialized)
        {
            ScoreJsonWriter.Write(_writer, conversation, score, _includeTurns);
            if (_writer.BytesPending > FlushThreshold)
            {
                _writer.Flush();
            }
        }

        public override void Flush()
        {
            _writer.Flush();
            _stream.Flush();
        }

        public override void Complete()
        {
            _writer.WriteEndArray();
            _writer.Flush();
            _stream.Write("\n"u8);
            _stream.Flush();
        }

        public override void Dispose()
        {
            _writer.Dispose();
            _stream.Dispose();
        }
    }

    /// <summary>A table needs every row before it can size its columns, so this one output holds all results.</summary>
    private sealed class TableSink(TextWriter output) : ResultSink
    {
        private readonly List<(Conversation Conversation, ConversationScore Score)> _results = [];

        public override void Write(Conversation conversation, ConversationScore score, byte[]? serialized) => _results.Add((conversation, score));

        public override void Complete() => ResultTable.Write(_results, output);
    }

    /// <summary>A write-only stream that decodes UTF-8 into a <see cref="TextWriter"/>.</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var chars = new char[_decoder.GetCharCount(buffer, flush: false)];
            _decoder.GetChars(buffer, chars, flush: false);
            writer.Write(chars);
        }

        public override void Flush() => writer.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
