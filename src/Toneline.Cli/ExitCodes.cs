namespace Toneline.Cli;

/// <summary>Process exit codes: 0 success, 1 bad input, 2 usage error.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int BadInput = 1;
    public const int Usage = 2;
}
