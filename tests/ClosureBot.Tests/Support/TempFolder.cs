namespace ClosureBot.Tests.Support;

/// <summary>A new folder under the temp directory, deleted with everything in it when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix) => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public void Dispose() => Delete(Path);

    /// <summary>Deletes <paramref name="folder"/> and what is in it; a folder already gone is fine.</summary>
    public static void Delete(string folder)
    {
        // A process that has just exited may still be removing its own files (SQLite's -wal and -shm), so one retry.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
                return;
            }
            catch (IOException) when (attempt == 0)
            {
                Thread.Sleep(100);
            }
            catch (IOException)
            {
                return;
            }
        }
    }
}
