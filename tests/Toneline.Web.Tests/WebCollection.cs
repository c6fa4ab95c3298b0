namespace Toneline.Web.Tests;

/// <summary>One app for the API and UI tests: starting it and loading demo data is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "web";
}
