using System.Threading.Channels;
using Toneline.Core.Conversations;
using Toneline.Core.Formats;
using Toneline.Core.Scoring;

namespace Toneline.Cli.Commands;

internal static partial class ScoreCommand
{
    /// <summary>Characters of turn text in one batch at most, so a batch of very long conversations stays small.</summary>
    private const long MaxBatchCharacters = 4_000_000;

    /// <summary>Conversations scored and conversations skipped because of read errors.</summary>
    private readonly record struct Counts(int Scored, int Errors);

    /// <summary>Conversations read together, and how far reading had got when the batch was full.</summary>
    private sealed record Batch(ReadResult[] Items, int FilesDone, long BytesRead);

    /// <summary>
    /// One run of the pipeline: a reader task fills a bounded channel with batches; this side scores each batch in
    /// parallel and writes it in input order before taking the next. At most two batches wait, so memory is bounded.
    /// </summary>
    private sealed partial class Run(IReadOnlyList<string> files, IConversationScorer scorer, Settings settings, TextReader stdin, TextWriter output, TextWriter error)
    {
        private Action<string> _report = message => error.WriteLine(message);

        public async Task<Counts> ExecuteAsync(Action<Batch, Counts>? onBatch, CancellationToken cancellationToken)
        {
            var batches = System.Threading.Channels.Channel.CreateBounded<Batch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var reading = Task.Run(() => ReadAllAsync(batches.Writer, stop.Token), stop.Token);
            var counts = default(Counts);
            var sink = ResultSink.Create(settings, output);
            try
            {
                await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    var (scores, serialized) = await ScoreAsync(batch.Items, sink, cancellationToken).ConfigureAwait(false);
                    for (var i = 0; i < batch.Items.Length; i++)
                    {
                        if (batch.Items[i].Conversation is { } conversation)
                        {
                            sink.Write(conversation, scores[i]!, serialized?[i]);
                            counts = counts with { Scored = counts.Scored + 1 };
                        }
                        else
                        {
                            _report($"error: {batch.Items[i].Error}");
                            counts = counts with { Errors = counts.Errors + 1 };
                        }
                    }

                    sink.Flush();
                    onBatch?.Invoke(batch, counts);
                }

                await reading.ConfigureAwait(false);
                sink.Complete();
                return counts;
            }
            finally
            {
                await stop.CancelAsync().ConfigureAwait(false);
                sink.Dispose();
            }
        }

        private async Task<(ConversationScore?[] Scores, byte[]?[]? Serialized)> ScoreAsync(ReadResult[] items, ResultSink sink, CancellationToken cancellationToken)
        {
            var scores = new ConversationScore?[items.Length];
            var serialized = sink.SerializesInParallel ? new byte[]?[items.Length] : null;
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Concurrency), CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(0, items.Length), parallel, async (i, token) =>
            {
                if (items[i].Conversation is { } conversation)
                {
                    var score = await scorer.ScoreAsync(conversation, token).ConfigureAwait(false);
                    scores[i] = score;
                    if (serialized is not null)
                    {
                        serialized[i] = sink.Serialize(conversation, score);
                    }
                }
            }).ConfigureAwait(false);
            return (scores, serialized);
        }

        private async Task ReadAllAsync(ChannelWriter<Batch> batches, CancellationToken cancellationToken)
        {
            try
            {
                var pending = new List<ReadResult>(settings.BatchSize);
                long characters = 0;
                long bytesBefore = 0;
                for (var f = 0; f < files.Count; f++)
                {
                    var file = files[f];
                    using var stream = file == "-" ? null : Open(file, pending);
                    if (file != "-" && stream is null)
                    {
                        continue;
                    }

                    using var reader = stream is null ? null : new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
                    foreach (var result in ConversationReader.Read(reader ?? stdin, file, settings.Read))
                    {
                        pending.Add(result);
                        characters += result.Conversation?.Turns.Sum(t => (long)t.Text.Length) ?? 0;
                        if (pending.Count >= settings.BatchSize || characters >= MaxBatchCharacters)
                        {
                            await batches.WriteAsync(new Batch([.. pending], f, bytesBefore + (stream?.Position ?? 0)), cancellationToken).ConfigureAwait(false);
                            pending.Clear();
                            characters = 0;
                        }
                    }

                    bytesBefore += stream?.Length ?? 0;
                }

                if (pending.Count > 0)
                {
                    await batches.WriteAsync(new Batch([.. pending], files.Count, bytesBefore), cancellationToken).ConfigureAwait(false);
                }

                batches.Complete();
            }
#pragma warning disable CA1031 // Any failure is handed to the writing side, which rethrows it from ReadAllAsync.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                batches.Complete(ex);
            }
        }

        /// <summary>Opens a file for one sequential pass; a file that cannot be opened becomes a failed result in <paramref name="pending"/>.</summary>
        private static FileStream? Open(string path, List<ReadResult> pending)
        {
            ReadResult failure;
            try
            {
                // No FileStream buffer: the StreamReader above has its own 64 KiB one.
                return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                failure = ReadResult.Failure(new ReadError(path, null, null, "file not found; check the path"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failure = ReadResult.Failure(new ReadError(path, null, null, $"could not read the file: {ex.Message}"));
            }

            pending.Add(failure);
            return null;
        }
    }
}
