namespace Toneline.Web.Hosting;

/// <summary>A built web app, and the first admin's generated password when this start created it.</summary>
internal sealed record TonelineWebHost(WebApplication App, string? GeneratedAdminPassword);
