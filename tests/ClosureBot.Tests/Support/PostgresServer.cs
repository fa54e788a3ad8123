using System.Diagnostics;
using Npgsql;

namespace ClosureBot.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests use: the one <c>tests/run.sh</c> started (its admin connection string in
/// <see cref="EnvironmentVariable"/>), or else a private cluster this process starts on first use (initdb + pg_ctl from
/// Debian's <c>/usr/lib/postgresql/*/bin</c>, in a temp folder, on a free loopback port, as the <c>postgres</c> user when
/// running as root) and a watcher process stops once this one is gone. Each test asks for a database of its own.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "CLOSUREBOT_TEST_POSTGRES";

    private static readonly Lazy<string> Admin = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A new, empty database; its connection string (pool limited, so many hosts fit the server's connections).</summary>
    public static string CreateDatabase()
    {
        var name = "closurebot_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(Admin.Value))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(Admin.Value) { Database = name, MaxPoolSize = 20 }.ConnectionString;
    }

    /// <summary>Drops a database <see cref="CreateDatabase"/> made, closing what is still connected to it.</summary>
    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(Admin.Value);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given) return given;
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException(
                $"PostgreSQL is needed by this test: set {EnvironmentVariable} to a superuser connection string, or install Debian's postgresql package " +
                "(tests/run.sh does both).");
        var root = Directory.CreateTempSubdirectory("closurebot-pg-").FullName;
        var data = Path.Combine(root, "data");
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", "postgres:postgres", root);
        var port = LoopbackPort.Free();
        RunAs(asRoot, Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8");
        RunAs(asRoot, Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-o",
            $"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root} -c max_connections=300 -c fsync=off", "start");
        // A test host may end without running exit handlers (the runner kills it), so a watcher outside it stops the
        // server and removes the folder once this process is gone.
        var stop = $"{(asRoot ? "runuser -u postgres -- " : "")}{Path.Combine(bin, "pg_ctl")} -D {data} -m immediate stop";
        var watcher = new ProcessStartInfo("sh") { RedirectStandardOutput = false, UseShellExecute = false };
        foreach (var argument in new[] { "-c", $"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId}; do sleep 1; done; {stop}; rm -rf {root}" })
            watcher.ArgumentList.Add(argument);
        Process.Start(watcher)!.Dispose();
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private static void RunAs(bool asRoot, string program, params string[] arguments)
    {
        // initdb and pg_ctl refuse to run as root.
        if (asRoot) Run("runuser", ["-u", "postgres", "--", program, .. arguments]);
        else Run(program, arguments);
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {error}{output.Result}");
    }

}
