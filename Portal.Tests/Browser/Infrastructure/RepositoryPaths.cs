using System.Reflection;

namespace Portal.Tests.Browser.Infrastructure;

/// <summary>Finds the repository's files from the test assembly, whichever configuration was built.</summary>
public static class RepositoryPaths
{
    /// <summary>The build configuration of this test assembly (Debug or Release): the app is taken from the same one.</summary>
    public static string Configuration =>
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } c ? c : "Debug";

    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Portal.sln")))
                    return dir.FullName;
            throw new InvalidOperationException($"Portal.sln not found above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>
    /// The built Portal.App executable: Portal.App/bin/&lt;Configuration&gt;/&lt;tfm&gt;/&lt;rid&gt;/Portal.App (self-contained).
    /// Found by searching rather than by composing the path so a change of target framework or runtime needs no edit here.
    /// </summary>
    public static string PortalExecutable
    {
        get
        {
            var bin = Path.Combine(Root, "Portal.App", "bin", Configuration);
            var name = OperatingSystem.IsWindows() ? "Portal.App.exe" : "Portal.App";
            var found = Directory.Exists(bin)
                ? Directory.EnumerateFiles(bin, name, SearchOption.AllDirectories)
                    .Where(f => File.Exists(Path.Combine(Path.GetDirectoryName(f)!, "Portal.App.dll"))
                                && !f.Contains($"{Path.DirectorySeparatorChar}publish{Path.DirectorySeparatorChar}"))
                    .OrderByDescending(File.GetLastWriteTimeUtc)
                    .FirstOrDefault()
                : null;
            return found ?? throw new InvalidOperationException(
                $"The portal is not built in {Configuration}: no {name} under {bin}. Run `dotnet build Portal.sln -c {Configuration}` first.");
        }
    }

    public static string OidcProviderFolder => Path.Combine(Root, "Portal.Tests", "Browser", "oidc");
}
