using OrleansGame.Cluster.Tests.Infrastructure;

namespace OrleansGame.LoadTest.Tests.Infrastructure;

/// <summary>Where the build put the load test, the bare hub and the gateway (recorded by this project's build).</summary>
public static class BenchPrograms
{
    /// <summary>The load test's OrleansGame.LoadTest.dll (coordinator and workers).</summary>
    public static string LoadTestDll => BuiltPrograms.Existing("LoadTestDll");

    /// <summary>The bare hub's OrleansGame.BareHub.dll.</summary>
    public static string BareHubDll => BuiltPrograms.Existing("BareHubDll");

    /// <summary>The gateway's OrleansGame.Gateway.dll.</summary>
    public static string GatewayDll => BuiltPrograms.GatewayDll;
}
