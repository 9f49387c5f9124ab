using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Appeals.Tests.Shared;

namespace Appeals.Web.Tests.PostgreSql;

/// <summary>
/// One node: the built Appeals.Web (src/Appeals.Web/bin, as `dotnet Appeals.Web.dll` runs it) in a process of its own,
/// on Kestrel at a loopback port, with its own Hangfire server, on a PostgreSQL database and a folder that every node shares
/// (the key ring in DataProtection:KeysPath, uploads in Storage:Path).
/// </summary>
public sealed class WebNodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private WebNodeProcess(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

    /// <summary>What the process wrote (stdout and stderr), for a failure's message.</summary>
    public string Output => string.Join('\n', _output.TakeLast(60));

    public static async Task<WebNodeProcess> StartAsync(string name, string connectionString, string sharedFolder, bool seed, CancellationToken ct)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = ContentRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { BuiltApp, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", ContentRoot })
            start.ArgumentList.Add(arg);
        foreach (var (key, value) in new Dictionary<string, string>
        {
            // Testing: plain-HTTP cookies (as on a developer's machine), no HTTPS redirection.
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Database__Provider"] = "postgres",
            ["ConnectionStrings__Appeals"] = connectionString,
            ["DataProtection__KeysPath"] = Path.Combine(sharedFolder, "keys"),
            ["Storage__Path"] = Path.Combine(sharedFolder, "files"),
            ["Models__Path"] = Path.Combine(sharedFolder, "models-" + name),
            ["Demo__Seed"] = seed ? "true" : "false",
            ["Demo__Claims"] = "400",
            ["Demo__Password"] = DemoPassword,
            ["Security__SignInAttemptsPerMinute"] = "100000",
            ["Security__UploadsPerMinute"] = "100000",
            ["Security__RequireAdminTwoFactor"] = "false",
            // Due recurring jobs are looked for every second (Hangfire's default is 15 s), so schedules race within a test.
            ["Hangfire__SchedulePollingInterval"] = "00:00:01",
            ["Logging__LogLevel__Default"] = "Warning",
        })
            start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var node = new WebNodeProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) node._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) node._output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await node.WaitUntilHealthyAsync(name, ct);
        return node;
    }

    public const string DemoPassword = "Demo-Password-2026";

    /// <summary>A client of this node with its own cookie jar (a browser's, for this node only).</summary>
    public HttpClient Client(bool cookies = true) =>
        new(new SocketsHttpHandler { UseCookies = cookies, AllowAutoRedirect = false }) { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(3) };

    private async Task WaitUntilHealthyAsync(string name, CancellationToken ct)
    {
        using var client = Client(cookies: false);
        // A first start migrates and seeds: minutes on a loaded machine.
        var deadline = DateTime.UtcNow.AddMinutes(6);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"node {name} exited ({_process.ExitCode}):\n{Output}");
            try
            {
                if ((await client.GetAsync("/health", ct)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(250, ct);
        }
        throw new TimeoutException($"node {name} did not answer /health within 6 minutes:\n{Output}");
    }

    public void Dispose()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* exited meanwhile */ }
        _process.WaitForExit(10_000);
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>src/Appeals.Web, found above the test's output folder.</summary>
    private static string ContentRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "src", "Appeals.Web", "Appeals.Web.csproj")))
                    return Path.Combine(dir.FullName, "src", "Appeals.Web");
            throw new InvalidOperationException("src/Appeals.Web not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The app as its own build made it, in the configuration and framework the tests were built in (bin/Debug/net10.0).</summary>
    private static string BuiltApp
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var path = Path.Combine(ContentRoot, "bin", output.Parent!.Name, output.Name, "Appeals.Web.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is not built");
        }
    }
}

/// <summary>Two nodes on one new PostgreSQL database and one shared folder, started by the first test that needs them.</summary>
public sealed class TwoWebNodeProcesses : IAsyncDisposable
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private readonly string _shared = Directory.CreateTempSubdirectory("appeals-node-processes-").FullName;

    public string ConnectionString { get; private set; } = "";
    public WebNodeProcess A { get; private set; } = null!;
    public WebNodeProcess B { get; private set; } = null!;

    public async Task StartAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await _starting.WaitAsync(ct);
        try
        {
            if (ConnectionString.Length > 0) return;
            var connectionString = await PostgreSqlTestServer.CreateEmptyDatabaseAsync(ct);
            ConnectionString = connectionString;
            // A first, alone: it migrates the empty database and seeds users and demo data, as a first node does.
            A = await WebNodeProcess.StartAsync("a", connectionString, _shared, seed: true, ct);
            B = await WebNodeProcess.StartAsync("b", connectionString, _shared, seed: false, ct);
        }
        finally
        {
            _starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        A?.Dispose();
        B?.Dispose();
        if (ConnectionString.Length > 0) await PostgreSqlTestServer.DropDatabaseAsync(ConnectionString);
        try { Directory.Delete(_shared, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
