using Toneline.Storage.Database;

namespace Toneline.Storage.Tests;

public sealed class ConnectionTargetTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Database=toneline", true)]
    [InlineData("host=db;username=x;password=y", true)]
    [InlineData("toneline.db", false)]
    [InlineData("/data/host=1.db", false)]
    public void IsPostgres_TellsConnectionStringsFromFiles(string db, bool expected) =>
        Assert.Equal(expected, ConnectionTarget.IsPostgres(db));
}
