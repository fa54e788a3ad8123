namespace ClosureBot.LoadTest;

/// <summary>The kind of bot a <see cref="LoadTarget"/> starts.</summary>
public enum LoadTargetKind
{
    Sqlite,
    Postgres,
    Floor,
    Peer,
}
