// Two folders that use each other only inside method bodies, for FolderDependencyTests: the graph must see both uses.
namespace ClosureBot.Tests.Hosting.FolderFixture.A
{
    internal static class Caller
    {
        public static int Count() => ClosureBot.Tests.Hosting.FolderFixture.B.Callee.One() + 1;
    }
}

namespace ClosureBot.Tests.Hosting.FolderFixture.B
{
    internal static class Callee
    {
        public static int One() => 1;

        public static object Make() => new System.Collections.Generic.List<ClosureBot.Tests.Hosting.FolderFixture.A.Marker>();
    }
}

namespace ClosureBot.Tests.Hosting.FolderFixture.A
{
    internal sealed class Marker;
}

// A cycle through a subfolder: C's subfolder uses D, and D uses C. Folder C, with its subfolder, and D use each other.
namespace ClosureBot.Tests.Hosting.FolderFixture.C.Sub
{
    internal static class Reader
    {
        public static int Read() => ClosureBot.Tests.Hosting.FolderFixture.D.Source.Value();
    }
}

namespace ClosureBot.Tests.Hosting.FolderFixture.C
{
    internal sealed class Port;
}

namespace ClosureBot.Tests.Hosting.FolderFixture.D
{
    internal static class Source
    {
        public static int Value() => 1;

        public static System.Type PortType() => typeof(ClosureBot.Tests.Hosting.FolderFixture.C.Port);
    }
}
