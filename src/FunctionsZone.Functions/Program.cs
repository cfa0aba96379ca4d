using FunctionsZone.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddFunctionsZone(builder.Configuration);
builder.Services.AddFunctionsZoneTelemetry(builder.Configuration);
builder.Build().Run();
