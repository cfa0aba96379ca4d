using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsZone.Host.Cors;

/// <summary>
/// CORS as the platform applies it in front of the function app (siteConfig.cors.allowedOrigins on Azure, the same
/// list as FunctionsZone:CorsOrigins here): listed origins get Access-Control-Allow-Origin with any method and header,
/// a preflight is answered by the host (204) and never reaches a function; other origins get no CORS headers. With no
/// origin listed there is no CORS at all, and a preflight is an unknown route (404), as on the real host.
/// </summary>
public static class HostCors
{
    public static IReadOnlyList<string> Origins(IConfiguration configuration) =>
        (configuration["FunctionsZone:CorsOrigins"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(o => o.TrimEnd('/')).ToList();

    public static IServiceCollection AddHostCors(this IServiceCollection services, IReadOnlyList<string> origins) =>
        services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins([.. origins]).AllowAnyMethod().AllowAnyHeader()));

    public static IApplicationBuilder UseHostCors(this IApplicationBuilder app, IReadOnlyList<string> origins) =>
        origins.Count == 0 ? app : app.UseCors();
}
