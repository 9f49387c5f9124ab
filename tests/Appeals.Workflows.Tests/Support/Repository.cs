namespace Appeals.Workflows.Tests.Support;

public static class Repository
{
    /// <summary>The folder holding Appeals.sln, found by walking up from the test binaries.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Appeals.sln"))) return dir.FullName;
            throw new InvalidOperationException("Appeals.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
