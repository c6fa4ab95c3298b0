namespace Toneline.Web.Tests.Ui;

/// <summary>A UI test: skipped (not failed) only where Debian's Chromium is not installed; CI installs it.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium))
        {
            Skip = $"{Chromium} is missing: apt-get install chromium (CI installs it in .ci/run).";
        }
    }
}
