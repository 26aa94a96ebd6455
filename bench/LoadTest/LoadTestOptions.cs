using System.Globalization;

namespace OrleansGame.LoadTest;

/// <summary>The command line, parsed. Every duration is bounded; every address is 127.0.0.1.</summary>
internal sealed record LoadTestOptions
{
    /// <summary><c>ramp</c> (steps until the SLO fails), <c>run</c> (one level), <c>pinned</c> (a ramp pinned and rested:
    /// see <see cref="Parse"/>), <c>joins</c> (players connected first, then all quick-joining at once), or <c>worker</c>
    /// (internal).</summary>
    public string Mode { get; init; } = "ramp";

    /// <summary>Servers to measure, in order: <c>gateway</c>, <c>bare</c>, <c>split</c> (a <c>joins</c> run: <c>gateway</c> unless told).</summary>
    public IReadOnlyList<string> Targets { get; init; } = ["gateway", "bare"];

    /// <summary>Whether the bots speak MessagePack instead of JSON.</summary>
    public bool MessagePack { get; init; }

    /// <summary>The load levels of a ramp (bots), ascending.</summary>
    public IReadOnlyList<int> Steps { get; init; } = [50, 100, 200, 300, 400, 500, 600, 800, 1000, 1200, 1500, 2000];

    /// <summary>Seconds between reaching a level and opening the window.</summary>
    public double WarmupSeconds { get; init; } = 5;

    /// <summary>
    /// After the warm-up, the most seconds to wait for the server's JIT to settle before the window (0: no wait): a
    /// server on one busy core compiles for a minute or more, and a window measured meanwhile measures the compiler.
    /// </summary>
    public double SettleMaxSeconds { get; init; } = 180;

    /// <summary>The steady window, seconds.</summary>
    public double WindowSeconds { get; init; } = 15;

    /// <summary>Generator processes.</summary>
    public int Generators { get; init; } = 1;

    /// <summary>Bots one generator connects at once.</summary>
    public int ConnectParallelism { get; init; } = 16;

    /// <summary>Consecutive failing levels after which a ramp stops.</summary>
    public int FailuresToStop { get; init; } = 2;

    /// <summary>The whole run's time bound, minutes.</summary>
    public double MaxMinutes { get; init; } = 20;

    /// <summary>p99 input-to-ack bound of the SLO, ms.</summary>
    public double SloAckP99Ms { get; init; } = 100;

    /// <summary>Share of the expected snapshots that must arrive.</summary>
    public double SloDelivered { get; init; } = 0.99;

    /// <summary>Where JSON, Markdown and server logs go.</summary>
    public string OutputDirectory { get; init; } = "bench/results";

    /// <summary>The built gateway (Release).</summary>
    public string GatewayDll { get; init; } = "";

    /// <summary>The built bare hub (Release).</summary>
    public string BareHubDll { get; init; } = "";

    /// <summary>The folder of the <c>dotnet-counters</c> tool manifest; counters are collected when set.</summary>
    public string? CountersToolDirectory { get; init; }

    /// <summary>The built silo (Release), for the <c>split</c> target (silo + client-mode gateway + redis).</summary>
    public string SiloDll { get; init; } = "";

    /// <summary>Players of a <c>joins</c> run: all connect first, then all quick-join at once.</summary>
    public int Players { get; init; } = 2000;

    /// <summary>
    /// Rounds of a <c>joins</c> run: the first meets a server that has not seated anyone yet; before each further round
    /// the players leave their rooms (not timed) and join again, now into rooms that exist.
    /// </summary>
    public int Rounds { get; init; } = 2;

    /// <summary>Silo processes of the <c>split</c> target (one cluster on redis behind the one client-mode gateway).</summary>
    public int Silos { get; init; } = 1;

    /// <summary>
    /// Whether the server's processes run on the first core and the generators on the others (<c>taskset</c>), so that
    /// neither takes the other's CPU. Needs at least 2 cores.
    /// </summary>
    public bool Pin { get; init; }

    /// <summary>Seconds a <c>joins</c> run keeps the players connected after the last answer, to see who is closed (pings go on).</summary>
    public double HoldSeconds { get; init; } = 5;

    /// <summary>
    /// The bots' client: <c>signalr</c> (the .NET SignalR client, the default of <c>ramp</c> and <c>run</c>) or <c>raw</c>
    /// (bare WebSockets speaking the hub protocol, one receive loop a bot and one shared input timer; the default of
    /// <c>pinned</c>).
    /// </summary>
    public string Client { get; init; } = "signalr";

    /// <summary>Whether the bots are raw WebSocket bots.</summary>
    public bool RawBots => Client == "raw";

    /// <summary>
    /// How the bots take the room's state: <c>full</c> (the default: the whole <c>Snapshot</c> every tick) or
    /// <c>delta</c> (<c>?stateEncoding=delta</c>: a <c>Keyframe</c>, then <c>Delta</c>s; raw bots only). The bare hub
    /// has no compact state and sends its snapshots whole either way.
    /// </summary>
    public string State { get; init; } = "full";

    /// <summary>Whether the bots ask for compact state.</summary>
    public bool CompactState => State == "delta";

    /// <summary>
    /// Whether each level starts from no bots: after a window the bots leave, and the next level waits until the
    /// server's rooms and connections are gone (up to <see cref="RestMaxSeconds"/>; what still runs is reported).
    /// </summary>
    public bool Rest { get; init; }

    /// <summary>The longest rest between levels, seconds (a gateway keeps a dropped player seated for its resume window, then an empty room for 30 s).</summary>
    public double RestMaxSeconds { get; init; } = 90;

    /// <summary>Seconds the server's idle CPU is measured before the first level (0: not measured).</summary>
    public double IdleSeconds { get; init; } = 5;

    /// <summary>The server a worker drives.</summary>
    public Uri? Url { get; init; }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> naming the bad option (or
    /// <see cref="FormatException"/> for a number that is not one).</summary>
    public static LoadTestOptions Parse(string[] args)
    {
        var options = new LoadTestOptions();
        var i = 0;
        if (args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal))
        {
            options = options with { Mode = args[0] };
            i = 1;
            if (options.Mode == "pinned")
            {
                // Server on CPU 0, generators on the others; every level from none, raw bots, 20 s windows.
                options = options with { Pin = true, Rest = true, Client = "raw", WindowSeconds = 20, Steps = [100, 200, 400, 600, 800, 1000, 1200, 1600] };
            }

            if (options.Mode == "joins")
            {
                // The bare hub has no matchmaking: a join run measures the gateway unless told otherwise.
                options = options with { Targets = ["gateway"] };
            }
        }

        for (; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            double Number() => double.Parse(Value(), CultureInfo.InvariantCulture);
            options = name switch
            {
                "--targets" => options with { Targets = Value().Split(',', StringSplitOptions.RemoveEmptyEntries) },
                "--protocol" => options with { MessagePack = Value() switch { "msgpack" => true, "json" => false, var p => throw new ArgumentException($"unknown protocol {p}") } },
                "--steps" => options with { Steps = [.. Value().Split(',').Select(static s => int.Parse(s, CultureInfo.InvariantCulture))] },
                "--bots" => options with { Steps = [int.Parse(Value(), CultureInfo.InvariantCulture)] },
                "--players" => options with { Players = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--rounds" => options with { Rounds = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--silos" => options with { Silos = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--pin" => options with { Pin = true },
                "--hold" => options with { HoldSeconds = Number() },
                "--warmup" => options with { WarmupSeconds = Number() },
                "--settle-max" => options with { SettleMaxSeconds = Number() },
                "--window" => options with { WindowSeconds = Number() },
                "--generators" => options with { Generators = (int)Number() },
                "--connect-parallelism" => options with { ConnectParallelism = (int)Number() },
                "--failures-to-stop" => options with { FailuresToStop = (int)Number() },
                "--max-minutes" => options with { MaxMinutes = Number() },
                "--slo-p99-ms" => options with { SloAckP99Ms = Number() },
                "--slo-delivered" => options with { SloDelivered = Number() },
                "--client" => options with { Client = Value() switch { "raw" => "raw", "signalr" => "signalr", var c => throw new ArgumentException($"unknown client {c}: --client takes raw or signalr") } },
                "--state" => options with { State = Value() switch { "full" => "full", "delta" => "delta", var e => throw new ArgumentException($"unknown state encoding {e}: --state takes full or delta") } },
                "--rest" => options with { Rest = true },
                "--rest-max" => options with { RestMaxSeconds = Number() },
                "--idle" => options with { IdleSeconds = Number() },
                "--out" => options with { OutputDirectory = Value() },
                "--gateway-dll" => options with { GatewayDll = Value() },
                "--barehub-dll" => options with { BareHubDll = Value() },
                "--counters" => options with { CountersToolDirectory = Value() },
                "--silo-dll" => options with { SiloDll = Value() },
                "--url" => options with { Url = new Uri(Value()) },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }

        return options.Checked();
    }

    private LoadTestOptions Checked()
    {
        if (Mode is not ("ramp" or "run" or "pinned" or "joins"))
        {
            return this;
        }

        if (Mode == "joins")
        {
            Require(Players > 0, "--players takes a whole number of players above 0");
            Require(Targets.All(static t => t is "gateway" or "split"), "joins measures quick join: --targets takes gateway, split");
            Require(HoldSeconds >= 0, "--hold takes seconds, 0 or more");
            Require(Rounds >= 1, "--rounds takes 1 or more");
            Require(!RawBots, "joins needs the SignalR client bots: --client raw does not join in rounds");
            Require(!CompactState, "joins does not read states: --state delta is for ramp, run and pinned");
        }
        else
        {
            Require(Steps.Count > 0 && Steps.All(static s => s > 0), "--steps and --bots take whole numbers of bots above 0");
            Require(Mode != "run" || Steps.Count == 1, "run measures one level: give it --bots N");
            Require(RestMaxSeconds >= 0 && IdleSeconds >= 0, "--rest-max and --idle take seconds, 0 or more");
        }

        Require(!CompactState || RawBots || Mode == "joins", "--state delta needs the raw WebSocket bots (--client raw, the default of pinned)");
        Require(Targets.Count > 0, "--targets names at least one of gateway, bare, split");
        Require(Silos >= 1 && (Silos == 1 || Targets.SequenceEqual(["split"])), "--silos takes 1 or more, and more than 1 only with --targets split");
        Require(!Pin || Environment.ProcessorCount >= 2, "--pin needs at least 2 cores: the server on one, the generators on the others");
        foreach (var target in Targets)
        {
            (string Option, string Path)[] programs = target switch
            {
                "gateway" => [("--gateway-dll", GatewayDll)],
                "bare" => [("--barehub-dll", BareHubDll)],
                "split" => [("--gateway-dll", GatewayDll), ("--silo-dll", SiloDll)],
                _ => throw new ArgumentException($"unknown target {target}: --targets takes gateway, bare, split"),
            };
            foreach (var (option, path) in programs)
            {
                Require(File.Exists(path), $"{target} needs {option} PATH of a built dll{(path.Length == 0 ? "" : $"; {path} does not exist")}");
            }
        }

        Require(WindowSeconds > 0 && WarmupSeconds >= 0, "--window takes seconds above 0, --warmup 0 or more");
        Require(SettleMaxSeconds >= 0, "--settle-max takes seconds, 0 or more (0: no wait for the JIT)");
        Require(Generators >= 1 && ConnectParallelism >= 1 && FailuresToStop >= 1, "--generators, --connect-parallelism and --failures-to-stop take 1 or more");
        Require(MaxMinutes > 0, "--max-minutes takes minutes above 0");
        Require(SloAckP99Ms > 0 && SloDelivered is > 0 and <= 1, "--slo-p99-ms takes ms above 0, --slo-delivered a share above 0 and at most 1");
        return this;

        static void Require(bool holds, string message)
        {
            if (!holds)
            {
                throw new ArgumentException(message);
            }
        }
    }
}
