namespace FunctionsZone.Portal;

/// <summary>
/// The portal's Content-Security-Policy (issue 31): script only from the portal's own files — no inline script, no
/// event-handler attribute, no eval — so a name users imported can never run as script even where it reached the page
/// as markup. Styles may be inline (the views set CSS variables in style attributes); fetches go to the portal's own
/// origin or, when config.json names them, the snapshot container and the function app over HTTPS.
/// web/index.html carries <see cref="MetaPolicy"/> in a meta element for any static host; fz serve sends
/// <see cref="HeaderPolicy"/>. PortalSecurityTests hold the two together.
/// </summary>
public static class PortalSecurity
{
    public const string MetaPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self' https:; object-src 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>frame-ancestors is honoured only in a header (a meta element's is ignored): no page may frame the portal.</summary>
    public const string HeaderPolicy = MetaPolicy + "; frame-ancestors 'none'";
}
