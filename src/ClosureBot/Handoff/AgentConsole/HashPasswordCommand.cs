namespace ClosureBot.Handoff.AgentConsole;

/// <summary>
/// <c>dotnet run --project src/ClosureBot -- hash-password</c>: reads a password from standard input (one line; typed
/// without echo at a terminal) and prints the hash to put in <c>Support:Agents:N:PasswordHash</c>. Starts no web host.
/// </summary>
public static class HashPasswordCommand
{
    public const string Name = "hash-password";

    public static bool IsInvoked(string[] args) => args is [Name];

    /// <returns>The process exit code: 0 with the hash on <paramref name="output"/>, 1 with a reason on <paramref name="error"/>.</returns>
    public static int Run(TextReader input, TextWriter output, TextWriter error, bool interactive)
    {
        if (interactive) error.Write("Password: ");
        var password = interactive ? ReadWithoutEcho() : input.ReadLine();
        if (interactive) error.WriteLine();
        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("hash-password: no password on standard input; nothing was hashed.");
            return 1;
        }
        if (password.Length > AgentCredentials.MaxPasswordLength)
        {
            error.WriteLine($"hash-password: the password is longer than {AgentCredentials.MaxPasswordLength} characters; nothing was hashed.");
            return 1;
        }
        output.WriteLine(AgentCredentials.Hash(password));
        return 0;
    }

    private static string ReadWithoutEcho()
    {
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) return password.ToString();
            if (key.Key == ConsoleKey.Backspace) { if (password.Length > 0) password.Length--; }
            else if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
        }
    }
}
