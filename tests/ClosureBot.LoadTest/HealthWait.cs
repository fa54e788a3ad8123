using System.Diagnostics;

namespace ClosureBot.LoadTest;

/// <summary>Waits for a process this command started to answer <c>/healthz</c>, failing fast if it exits.</summary>
public static class HealthWait
{
    public static async Task UntilHealthyAsync(Process process, Uri url, string what, HttpClient http, TimeSpan limit)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The {what} exited with code {process.ExitCode} while starting.");
            try
            {
                using var response = await http.GetAsync(new Uri(url, "/healthz"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The {what} did not become healthy within {limit.TotalSeconds} s.");
    }
}
