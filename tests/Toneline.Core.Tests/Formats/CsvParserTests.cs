using Toneline.Core.Formats;

namespace Toneline.Core.Tests.Formats;

public sealed class CsvParserTests
{
    [Fact]
    public void Parse_QuotedCommasDoubledQuotesAndNewlines_KeepsFieldsExactly()
    {
        var records = CsvParser.Parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"line1\nline2\"\r\nlast,,\n").ToList();

        Assert.Equal(3, records.Count);
        Assert.Equal(["x, y", "say \"hi\"", "line1\nline2"], records[1].Fields);
        Assert.Equal(["last", "", ""], records[2].Fields);
        Assert.Equal([1, 2, 4], records.Select(r => r.Line));
    }

    [Fact]
    public void Parse_UnclosedQuote_ReportsRecordStart()
    {
        var records = CsvParser.Parse("h1,h2\nok,1\n\"never closed,2\n3\n").ToList();

        Assert.Equal(3, records[2].Line);
        Assert.NotNull(records[2].Error);
    }

    [Fact]
    public void Parse_NoTrailingNewlineAndBlankLines_AreHandled()
    {
        var records = CsvParser.Parse("a,b\n\n\nc,\"d\"").ToList();

        Assert.Equal(2, records.Count);
        Assert.Equal(["c", "d"], records[1].Fields);
        Assert.Equal(4, records[1].Line);
    }
}
