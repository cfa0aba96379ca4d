using Azure.Monitor.OpenTelemetry.Exporter;
using FunctionsZone.Core.Telemetry;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FunctionsZone.Functions;

public static class Telemetry
{
    /// <summary>
    /// OpenTelemetry in the worker: the pipeline's traces (one per run and per import) and metrics, exported to
    /// Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set (with Entra ID auth from
    /// APPLICATIONINSIGHTS_AUTHENTICATION_STRING on Azure); nothing is exported locally.
    /// </summary>
    public static IServiceCollection AddFunctionsZoneTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otel = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(t => t.AddSource(PipelineTelemetry.Name))
            .WithMetrics(m => m.AddMeter(PipelineTelemetry.Name));
        if (!string.IsNullOrWhiteSpace(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
            otel.UseAzureMonitorExporter();
        return services;
    }
}
