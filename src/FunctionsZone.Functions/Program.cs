using FunctionsZone.Composition;
using FunctionsZone.Functions;
using FunctionsZone.Functions.Http;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// After the ASP.NET Core integration's own middleware, so the problem it sets as the result is what it writes.
builder.UseMiddleware<ProblemMiddleware>();
// The one composition root (FunctionsZone.Composition), then what only the worker adds: its upload gate and telemetry.
builder.Services.AddFunctionsZone(builder.Configuration);
builder.Services.AddUploadGate();
builder.Services.AddFunctionsZoneTelemetry(builder.Configuration);
builder.Build().Run();
