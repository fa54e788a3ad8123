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
