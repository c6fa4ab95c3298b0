namespace Toneline.Core.Formats;

/// <summary>Reads a transcript line by line with line numbers, after letting format detection peek at the first lines.</summary>
/// <remarks>
/// Lines end at <c>\n</c>, <c>\r\n</c> or <c>\r</c>, as in <see cref="TextLines"/>. A byte-order mark at the start of
/// the first line is dropped. Only peeked lines are held; the rest stays in the underlying reader until asked for.
/// </remarks>
internal sealed class LineSource
{
    private readonly TextReader _reader;
    private readonly List<string> _peeked = [];
    private int _next;
    private int _lineNumber;
    private bool _started;

    public LineSource(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
    }

    /// <summary>Reads ahead until <paramref name="count"/> non-blank lines are seen or the input ends, and returns them.</summary>
    public List<string> PeekNonBlank(int count)
    {
        var nonBlank = new List<string>(count);
        foreach (var line in _peeked.Skip(_next))
        {
            if (nonBlank.Count < count && !string.IsNullOrWhiteSpace(line))
            {
                nonBlank.Add(line);
            }
        }

        while (nonBlank.Count < count && ReadRaw() is { } more)
        {
            _peeked.Add(more);
            if (!string.IsNullOrWhiteSpace(more))
            {
                nonBlank.Add(more);
            }
        }

        return nonBlank;
    }

    /// <summary>The next line, or <c>null</c> at the end; <paramref name="number"/> is its 1-based line number.</summary>
    public string? ReadLine(out int number)
    {
        string? line;
        if (_next < _peeked.Count)
        {
            line = _peeked[_next++];
        }
        else
        {
            _peeked.Clear();
            _next = 0;
            line = ReadRaw();
        }

        number = line is null ? _lineNumber : ++_lineNumber;
        return line;
    }

    /// <summary>The rest of the input, peeked lines included, as one string (peeked line ends become <c>\n</c>).</summary>
    public string ReadToEnd() => string.Concat(PendingPrefix(), _reader.ReadToEnd());

    /// <summary>The rest of the input, peeked lines included, as a reader that streams from the underlying one.</summary>
    public TextReader Rest() => _next < _peeked.Count ? new PrefixedReader(PendingPrefix(), _reader) : _reader;

    private string PendingPrefix()
    {
        var prefix = string.Concat(_peeked.Skip(_next).Select(l => l + "\n"));
        _peeked.Clear();
        _next = 0;
        return prefix;
    }

    private string? ReadRaw()
    {
        var line = _reader.ReadLine();
        if (!_started && line is { Length: > 0 } && line[0] == '\uFEFF')
        {
            line = line[1..];
        }

        _started = true;
        return line;
    }

    /// <summary>A reader that serves a prefix, then the rest of another reader; enough for character-wise parsers.</summary>
    private sealed class PrefixedReader(string prefix, TextReader rest) : TextReader
    {
        private int _position;

        public override int Peek() => _position < prefix.Length ? prefix[_position] : rest.Peek();

        public override int Read() => _position < prefix.Length ? prefix[_position++] : rest.Read();
    }
}
