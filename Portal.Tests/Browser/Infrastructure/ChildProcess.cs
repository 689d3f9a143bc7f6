using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Portal.Tests.Browser.Infrastructure;

/// <summary>
/// A process the browser tests start (the portal, the OpenID Connect provider): its output is kept so a
/// failing test can show it, and it is killed, with its children, on dispose.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int MaxOutputChars = 400_000;
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _name;

    private ChildProcess(string name, Process process)
    {
        _name = name;
        _process = process;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process has written so far (stdout and stderr, interleaved).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?> environment)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Kept open: the provider script exits when it closes, so a crashed test run leaves nothing behind.
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        // Nothing from the test runner's own environment may change how the child behaves.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase) || k.StartsWith("AzureAd", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Portal__", StringComparison.OrdinalIgnoreCase)).ToList())
            info.Environment.Remove(key);
        foreach (var (key, value) in environment)
            info.Environment[key] = value;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        if (!process.Start())
            throw new InvalidOperationException($"Could not start {name} ({fileName}).");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > MaxOutputChars)
                _output.Remove(0, _output.Length - MaxOutputChars);
        }
    }

    /// <summary>Waits for a line of output matching <paramref name="match"/>; fails at once if the process exits.</summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var line = Output.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(match);
            if (line is not null)
                return line;
            if (_process.HasExited)
                throw Failure($"{_name} exited with code {_process.ExitCode} before it was ready.");
            if (DateTime.UtcNow > deadline)
                throw Failure($"{_name} was not ready within {timeout.TotalSeconds:0} s.");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until <paramref name="url"/> answers 200; fails at once if the process exits.</summary>
    public async Task WaitForHttpOkAsync(string url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        string last = "no answer yet";
        while (true)
        {
            if (_process.HasExited)
                throw Failure($"{_name} exited with code {_process.ExitCode} before {url} answered.");
            try
            {
                using var response = await http.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex.Message;
            }
            if (DateTime.UtcNow > deadline)
                throw Failure($"{url} did not answer 200 within {timeout.TotalSeconds:0} s (last: {last}).");
            await Task.Delay(200);
        }
    }

    public Exception Failure(string message) =>
        new InvalidOperationException($"{message}\n--- {_name} output ---\n{Tail(Output)}");

    public static string Tail(string text, int chars = 12_000) =>
        text.Length <= chars ? text : "…" + text[^chars..];

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await _process.WaitForExitAsync(cts.Token);
            }
        }
        catch (InvalidOperationException) { }
        catch (OperationCanceledException) { }
        _process.Dispose();
    }

    /// <summary>Runs a command to the end (openssl, npm); throws with its output if it fails or takes too long.</summary>
    public static async Task RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        await using var child = Start(Path.GetFileName(fileName), fileName, arguments, workingDirectory, new Dictionary<string, string?>());
        child._process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await child._process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw child.Failure($"{fileName} did not finish within {timeout.TotalSeconds:0} s.");
        }
        if (child._process.ExitCode != 0)
            throw child.Failure($"{fileName} {string.Join(' ', arguments)} failed with exit code {child._process.ExitCode}.");
    }

    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    /// <summary>A loopback port nobody is listening on (for a process that must know its address before it starts).</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
