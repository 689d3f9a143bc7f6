using System.Diagnostics;
using System.Text.Json;

namespace Portal.Tests.Core.Excel;

/// <summary>
/// Runs Python scripts with openpyxl, an independent .xlsx implementation, so the tests check
/// our files the way another program reads them rather than with our own reader.
/// Needs python3-openpyxl (test.sh installs it). PORTAL_PYTHON can name the interpreter.
/// </summary>
internal static class OpenPyxl
{
    private static readonly Lazy<string> Interpreter = new(FindInterpreter);

    /// <summary>Runs <paramref name="script"/> with the given arguments and parses what it prints as JSON.</summary>
    public static JsonElement RunJson(string script, params string[] arguments)
    {
        using var document = JsonDocument.Parse(Run(script, arguments));
        return document.RootElement.Clone();
    }

    public static string Run(string script, params string[] arguments)
    {
        var scriptPath = Path.Combine(Path.GetTempPath(), $"portal-openpyxl-{Guid.NewGuid():N}.py");
        File.WriteAllText(scriptPath, script);
        try
        {
            var (exitCode, output, error) = Execute(Interpreter.Value, [scriptPath, .. arguments]);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"The openpyxl script failed ({exitCode}):\n{error}");
            }

            return output;
        }
        finally
        {
            File.Delete(scriptPath);
        }
    }

    private static string FindInterpreter()
    {
        string?[] candidates = [Environment.GetEnvironmentVariable("PORTAL_PYTHON"), "/usr/bin/python3", "python3"];
        foreach (var candidate in candidates.OfType<string>())
        {
            try
            {
                if (Execute(candidate, ["-c", "import openpyxl"]).ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed under that name; try the next.
            }
        }

        throw new InvalidOperationException("No python3 with openpyxl found. Install python3-openpyxl (apt) or set PORTAL_PYTHON.");
    }

    private static (int ExitCode, string Output, string Error) Execute(string fileName, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within 60 seconds.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
