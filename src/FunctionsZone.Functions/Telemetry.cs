using Azure.Monitor.OpenTelemetry.Exporter;
using FunctionsZone.Core.Telemetry;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FunctionsZone.Functions;

public static class Telemetry
{
    /// <summary>
    /// OpenTelemetry in the worker: the pipeline's traces (one per run and per import) and metrics, exported to
    /// Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set (with Entra ID auth from
    /// APPLICATIONINSIGHTS_AUTHENTICATION_STRING on Azure) — the app's log lines with them (the exporter takes every
    /// signal). Without a connection string nothing is exported and the log lines go to the worker's own console
    /// (<see cref="ConsoleLog"/>): under telemetryMode OpenTelemetry the host shows none of them.
    /// </summary>
    public static IServiceCollection AddFunctionsZoneTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otel = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(t => t.AddSource(PipelineTelemetry.Name))
            .WithMetrics(m => m.AddMeter(PipelineTelemetry.Name));
        if (!string.IsNullOrWhiteSpace(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
            otel.UseAzureMonitorExporter();
        else
            services.AddLogging(l => l.AddWorkerConsole());
        return services;
    }
}
