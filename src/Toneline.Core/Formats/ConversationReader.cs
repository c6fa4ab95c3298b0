namespace Toneline.Core.Formats;

/// <summary>Reads conversations from transcript files in any supported format.</summary>
/// <remarks>
/// Readers never throw for bad content: each bad conversation becomes a <see cref="ReadResult"/>
/// with an error naming the file, line and field, and reading goes on with the next one.
/// The format comes from <see cref="ReadOptions.Format"/>, else the extension, else the content.
/// Formats are described in docs/formats.md.
/// </remarks>
public static class ConversationReader
{
    /// <summary>Reads every conversation in a file, or in every transcript file directly inside a directory.</summary>
    /// <remarks>
    /// A directory is read file by file in ordinal name order, taking only the extensions Toneline reads
    /// (.json, .jsonl, .ndjson, .txt, .vtt, .srt, .csv). A path of <c>-</c> is not opened: use
    /// <see cref="Read(TextReader, string, ReadOptions?)"/> with standard input. A missing or unreadable file or
    /// directory yields one failed result.
    /// </remarks>
    public static IEnumerable<ReadResult> ReadFile(string path, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadPath(path, options ?? new ReadOptions());
    }

    /// <summary>Reads every conversation from a text reader; <paramref name="sourceName"/> names it in errors.</summary>
    /// <remarks>
    /// <paramref name="sourceName"/> is a file name (its extension helps detect the format and its stem is the id of
    /// a conversation without one) or <c>-</c> for standard input (content detection; ids fall back to <c>stdin</c>).
    /// </remarks>
    public static IEnumerable<ReadResult> Read(TextReader reader, string sourceName, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        string text;
        try
        {
            text = reader.ReadToEnd();
        }
        catch (IOException ex)
        {
            return [ReadResult.Failure(new ReadError(sourceName, null, null, $"could not read: {ex.Message}"))];
        }

        return ReadText(text, sourceName, options ?? new ReadOptions());
    }

    private static IEnumerable<ReadResult> ReadPath(string path, ReadOptions options)
    {
        if (Directory.Exists(path))
        {
            string[] files;
            try
            {
                files = [.. Directory.EnumerateFiles(path)
                    .Where(f => FormatDetector.KnownExtensions.Contains(Path.GetExtension(f)))
                    .Order(StringComparer.Ordinal)];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return [ReadResult.Failure(new ReadError(path, null, null, $"could not list the directory: {ex.Message}"))];
            }

            return files.Length == 0
                ? [ReadResult.Failure(new ReadError(path, null, null, "the directory has no transcript files (.json, .jsonl, .txt, .vtt, .srt, .csv)"))]
                : files.SelectMany(f => ReadOneFile(f, options));
        }

        return ReadOneFile(path, options);
    }

    private static IEnumerable<ReadResult> ReadOneFile(string path, ReadOptions options)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return [ReadResult.Failure(new ReadError(path, null, null, "file not found; check the path"))];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return [ReadResult.Failure(new ReadError(path, null, null, $"could not read the file: {ex.Message}"))];
        }

        return ReadText(text, path, options);
    }

    private static IEnumerable<ReadResult> ReadText(string text, string source, ReadOptions options)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var stem = source == "-" ? "stdin" : Path.GetFileNameWithoutExtension(source);
        var context = new ReadContext(source, string.IsNullOrEmpty(stem) ? "conversation" : stem, options);
        return Guard(() => Dispatch(text, context), source);
    }

    private static IEnumerable<ReadResult> Dispatch(string text, ReadContext context)
    {
        JsonItem? json = null;
        var format = context.Options.Format;
        if (format == TranscriptFormat.Auto && context.Source != "-")
        {
            format = FormatDetector.FromExtension(context.Source);
        }

        if (format == TranscriptFormat.Auto)
        {
            if (text.Trim().Length == 0)
            {
                return [context.Fail(null, null, "the input is empty; expected a transcript")];
            }

            format = FormatDetector.FromContent(text, out json);
        }

        return format switch
        {
            TranscriptFormat.Jsonl => TonelineJsonReader.ReadJsonl(text, context),
            TranscriptFormat.Text => TextDialogueReader.Read(text, context),
            TranscriptFormat.WebVtt => WebVttReader.Read(text, context),
            TranscriptFormat.Srt => SrtReader.Read(text, context),
            TranscriptFormat.Csv => CsvConversationReader.Read(text, context),
            TranscriptFormat.AmazonTranscribe => ReadJsonDocument(text, json, context, AmazonTranscribeReader.Read),
            TranscriptFormat.Utterances => ReadJsonDocument(text, json, context, UtterancesReader.Read),
            _ => json is null ? TonelineJsonReader.ReadJson(text, context) : TonelineJsonReader.ReadJson(json, context),
        };
    }

    private static IEnumerable<ReadResult> ReadJsonDocument(string text, JsonItem? json, ReadContext context, Func<JsonItem, ReadContext, ReadResult> read)
    {
        try
        {
            json ??= JsonItemParser.Parse(text, context.Source);
        }
        catch (ReadErrorException ex)
        {
            return [ReadResult.Failure(ex.Error)];
        }

        return [read(json, context)];
    }

    /// <summary>Runs a reader so that even a bug in it ends as a failed result, never an exception.</summary>
    private static IEnumerable<ReadResult> Guard(Func<IEnumerable<ReadResult>> read, string source)
    {
        IEnumerator<ReadResult>? enumerator = null;
        while (true)
        {
            ReadResult? next = null;
            ReadError? crash = null;
            try
            {
                enumerator ??= read().GetEnumerator();
                if (enumerator.MoveNext())
                {
                    next = enumerator.Current;
                }
            }
            catch (ReadErrorException ex)
            {
                crash = ex.Error;
            }
#pragma warning disable CA1031 // The contract is that reading never throws for input; a reader bug is reported as an error result.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                crash = new ReadError(source, null, null, $"could not be read ({ex.GetType().Name}: {ex.Message}); please report this input");
            }

            if (crash is not null)
            {
                enumerator?.Dispose();
                yield return ReadResult.Failure(crash);
                yield break;
            }

            if (next is null)
            {
                enumerator?.Dispose();
                yield break;
            }

            yield return next;
        }
    }
}
