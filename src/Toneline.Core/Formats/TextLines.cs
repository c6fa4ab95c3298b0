namespace Toneline.Core.Formats;

/// <summary>Splits text into lines on <c>\n</c>, <c>\r\n</c> or <c>\r</c>; line <c>i</c> of the result is line <c>i + 1</c> of the file.</summary>
internal static class TextLines
{
    public static string[] Split(string text) => text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
}
