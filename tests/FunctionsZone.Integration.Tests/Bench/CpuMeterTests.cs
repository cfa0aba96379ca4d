using System.Diagnostics;
using FunctionsZone.Bench;
using Xunit;

namespace FunctionsZone.Integration.Tests.Bench;

public sealed class CpuMeterTests
{
    [Fact]
    public void A_process_named_as_the_storage_is_read_by_its_CPU_seconds()
    {
        // This process stands in for the storage: the CPU it burns between two readings shows on both sides.
        var meter = new CpuMeter(Environment.ProcessId);
        var before = meter.Read();
        var sw = Stopwatch.StartNew();
        var x = 0.0;
        // Work until this process has used 0.15 s of CPU (bounded): on a loaded machine 300 ms of wall time may be less.
        while (meter.Read().Self - before.Self < 0.15 && sw.Elapsed < TimeSpan.FromSeconds(30))
            for (var i = 0; i < 100_000; i++) x += Math.Sqrt(i + sw.ElapsedTicks);
        var used = meter.Read() - before;
        Assert.True(x > 0);
        Assert.True(used.Self >= 0.1, $"fz's own CPU over the work: {used.Self} s");
        Assert.True(used.Storage >= 0.1, $"the named process's CPU over the same work: {used.Storage} s");
    }

    [Fact]
    public void A_storage_process_that_is_not_there_gives_no_figure_and_no_error()
    {
        var used = new CpuMeter(int.MaxValue).Read() - new CpuMeter(null).Read();
        Assert.Null(used.Storage);
        Assert.Null(new CpuMeter(null).Read().Storage);
    }

    [Theory]
    [InlineData("4242", 4242)]
    [InlineData("", null)]
    [InlineData("azurite", null)]
    [InlineData("-1", null)]
    public void The_storage_process_is_taken_from_the_environment_only_when_it_is_a_pid(string value, int? expected)
    {
        const string variable = "FZ_CPU_METER_TEST_PID";
        Environment.SetEnvironmentVariable(variable, value);
        try { Assert.Equal(expected, CpuMeter.StoragePidFromEnvironment(variable)); }
        finally { Environment.SetEnvironmentVariable(variable, null); }
    }
}
