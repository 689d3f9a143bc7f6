using System.Diagnostics;

namespace Portal.Tests.Support;

/// <summary>
/// LibreOffice Writer, run headless to open a file as a user's office suite would. It is heavy to install, so
/// test.sh does not install it; tests that need it use <see cref="LibreOfficeFactAttribute"/> and are
/// skipped with a message where it is absent (apt-get install libreoffice-writer-nogui to run them).
/// </summary>
public static class LibreOffice
{
    public static string? Executable { get; } = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice" }.FirstOrDefault(File.Exists);

    /// <summary>
    /// LibreOffice with its word processor: a machine may have only Calc (installed to read spreadsheets back),
    /// which exits without error yet cannot load a .docx.
    /// </summary>
    public static bool HasWriter { get; } = Executable is not null
        && new[] { "/usr/lib/libreoffice/program", "/opt/libreoffice/program" }.Any(d => File.Exists(Path.Combine(d, "libswlo.so")));

    /// <summary>Converts a file (for example to "pdf" or "txt:Text"); returns the converted file's path.</summary>
    public static async Task<string> ConvertAsync(string input, string format, string outputDirectory)
    {
        var executable = Executable ?? throw new InvalidOperationException("LibreOffice is not installed.");
        // Its own profile directory: a second instance sharing the default profile would hand the job to the first and exit.
        var profile = Path.Combine(outputDirectory, "lo-profile");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { $"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", format, "--outdir", outputDirectory, input })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"LibreOffice did not convert {Path.GetFileName(input)} within 3 minutes.");
        }
        var extension = format.Split(':')[0];
        var output = Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(input) + "." + extension);
        if (process.ExitCode != 0 || !File.Exists(output))
            throw new InvalidOperationException($"LibreOffice could not convert {Path.GetFileName(input)} to {format} (exit {process.ExitCode}).\n{await stdout}\n{await stderr}");
        return output;
    }
}

/// <summary>A fact that needs LibreOffice; skipped, saying so, where it is not installed.</summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute()
    {
        if (!LibreOffice.HasWriter)
            Skip = "LibreOffice Writer is not installed (it is too heavy for test.sh to install): apt-get install libreoffice-writer-nogui to run this test.";
    }
}
