package io.ordergateway.runtime.admin;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.ContentLengthNotAllowedException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http.TransferEncodingNotAllowedException;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.ordergateway.runtime.admin.AdminRefusal.quote;

/**
 * What every request must pass before it is routed, in this order, each refusal naming what was wrong:
 * <ol>
 *   <li>it was decoded without fault: Netty marks bad or conflicting {@code Content-Length} and
 *       {@code Transfer-Encoding}, bad chunking, bad line endings and headers over the limit as decoder
 *       failures; answered 400 (414, 431 for the limits) and the connection closed, since the byte
 *       stream can no longer be trusted;</li>
 *   <li>exactly one {@code Host}, naming this endpoint: its bound address or the name it was bound by,
 *       {@code localhost}, {@code 127.0.0.1} or {@code [::1]}, each with the bound port; for a wildcard
 *       bind also the machine's interface addresses and host name (not {@code 0.0.0.0}); and any name in
 *       {@link AdminOptions#hostNames()}. Anything else is answered 421, so a web page whose own name
 *       resolves to this machine (DNS rebinding) cannot reach the endpoint;</li>
 *   <li>when a token is set, {@code Authorization: Bearer TOKEN} (the scheme in any case), compared in
 *       constant time as SHA-256 digests (so neither contents nor length leak); 401 otherwise;</li>
 *   <li>for everything but GET (every action): no {@code Origin} but the endpoint's own
 *       ({@code http://} and an accepted {@code Host}), and no {@code Sec-Fetch-Site} but
 *       {@code same-origin} or {@code none}; 403 otherwise, so a page in the operator's browser cannot
 *       act (cross-site request forgery). {@code same-site} is refused too: another port on localhost is
 *       the same site. GETs only read, and a browser does not show another origin what they answer.</li>
 * </ol>
 */
final class RequestGuard
{
    private final byte[] tokenDigest;
    private final Set<String> authorities;
    private final String ownOrigin;

    /**
     * @param token the bearer token, or null for none.
     * @param names the host names accepted (lower case; IPv6 literals in brackets, as {@link #names} makes them).
     * @param port  the bound port.
     */
    RequestGuard(final String token, final Set<String> names, final int port)
    {
        this.tokenDigest = token == null ? null : sha256(token);
        final Set<String> accepted = new LinkedHashSet<>();
        for (final String name : names)
        {
            accepted.add(name + ":" + port);
        }
        this.authorities = Collections.unmodifiableSet(accepted);
        this.ownOrigin = "http://" + authorities.iterator().next();
    }

    /**
     * The names a server bound so answers to in {@code Host}.
     *
     * @param address the bound address.
     * @param bind    the name it was bound by.
     * @param extra   further names.
     * @return them, normalized (lower case, IPv6 in brackets).
     */
    static Set<String> names(final InetAddress address, final String bind, final List<String> extra)
    {
        final Set<String> names = new LinkedHashSet<>();
        if (!address.isAnyLocalAddress())
        {
            names.add(literal(address));
            names.add(bind.indexOf(':') >= 0 && !bind.startsWith("[") ? "[" + bind + "]" : bind);
        }
        names.add("127.0.0.1");
        names.add("localhost");
        names.add("[::1]");
        if (address.isAnyLocalAddress())
        {
            // not 0.0.0.0 itself: browsers send a page's requests for 0.0.0.0 to this machine
            try
            {
                for (final NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces()))
                {
                    Collections.list(nic.getInetAddresses()).forEach(a -> names.add(literal(a)));
                }
                names.add(InetAddress.getLocalHost().getHostName());
            }
            catch (final SocketException | UnknownHostException ex)
            {
                // the loopback names and the options' names still serve
            }
        }
        names.addAll(extra);
        final Set<String> normalized = new LinkedHashSet<>();
        for (final String name : names)
        {
            final String n = normalize(name + ":1");
            if (n != null)
            {
                normalized.add(n.substring(0, n.length() - ":1".length()));
            }
        }
        return normalized;
    }

    private static String literal(final InetAddress address)
    {
        final String text = address.getHostAddress();
        final int scope = text.indexOf('%');
        final String bare = scope < 0 ? text : text.substring(0, scope);
        return bare.indexOf(':') >= 0 ? "[" + bare + "]" : bare;
    }

    /**
     * @param request a request as decoded and aggregated.
     * @throws AdminRefusal unless it passes every check.
     */
    void check(final FullHttpRequest request)
    {
        decoded(request.decoderResult());
        final HttpHeaders headers = request.headers();
        final List<String> hosts = headers.getAll(HttpHeaderNames.HOST);
        if (hosts.size() != 1)
        {
            throw new AdminRefusal(400, RefusalLog.Kind.FOREIGN_HOST, "header Host: expected exactly one, got "
                + hosts.size());
        }
        if (!authorities.contains(normalize(hosts.get(0))))
        {
            throw new AdminRefusal(421, RefusalLog.Kind.FOREIGN_HOST, "header Host: " + quote(hosts.get(0))
                + " is not this endpoint (use its address and port, e.g. " + ownOrigin.substring("http://".length())
                + ")");
        }
        if (!authorized(headers))
        {
            throw new AdminRefusal(401, RefusalLog.Kind.UNAUTHORIZED,
                "header Authorization: unauthorized: send Authorization: Bearer <token>", false,
                HttpHeaderNames.WWW_AUTHENTICATE.toString(), "Bearer");
        }
        if (!request.method().equals(HttpMethod.GET))
        {
            sameOrigin(headers);
        }
    }

    private static void decoded(final DecoderResult result)
    {
        if (result.isSuccess())
        {
            return;
        }
        final Throwable cause = result.cause();
        final String message = String.valueOf(cause.getMessage());
        if (cause instanceof TooLongHttpLineException)
        {
            throw new AdminRefusal(414, RefusalLog.Kind.TOO_LARGE, "request line: " + message, true, null, null);
        }
        if (cause instanceof TooLongHttpHeaderException)
        {
            throw new AdminRefusal(431, RefusalLog.Kind.TOO_LARGE, "headers: " + message, true, null, null);
        }
        final String where;
        if (cause instanceof ContentLengthNotAllowedException)
        {
            where = "headers Content-Length and Transfer-Encoding: both given; send at most one";
        }
        else if (cause.getClass().getSimpleName().contains("Chunk") || message.contains("chunk size"))
        {
            where = "body: invalid chunked encoding: " + message;
        }
        else if (cause instanceof TransferEncodingNotAllowedException || message.contains("transfer coding"))
        {
            where = "header Transfer-Encoding: " + message;
        }
        else if (message.contains("Content-Length"))
        {
            where = "header Content-Length: " + message;
        }
        else
        {
            where = "request line or headers: " + message;
        }
        throw new AdminRefusal(400, RefusalLog.Kind.MALFORMED, "malformed request: " + where, true, null, null);
    }

    private boolean authorized(final HttpHeaders headers)
    {
        if (tokenDigest == null)
        {
            return true;
        }
        final List<String> values = headers.getAll(HttpHeaderNames.AUTHORIZATION);
        if (values.size() != 1)
        {
            return false;
        }
        final String header = values.get(0);
        final String scheme = "Bearer ";
        if (!header.regionMatches(true, 0, scheme, 0, scheme.length()))
        {
            return false;
        }
        return MessageDigest.isEqual(tokenDigest, sha256(header.substring(scheme.length()).trim()));
    }

    private void sameOrigin(final HttpHeaders headers)
    {
        final List<String> origins = headers.getAll(HttpHeaderNames.ORIGIN);
        if (origins.size() > 1)
        {
            throw crossOrigin("header Origin: given " + origins.size() + " times");
        }
        if (origins.size() == 1)
        {
            final String origin = origins.get(0);
            final boolean http = origin.regionMatches(true, 0, "http://", 0, "http://".length());
            if (!http || !authorities.contains(normalize(origin.substring("http://".length()))))
            {
                throw crossOrigin("header Origin: " + quote(origin) + " is not this endpoint's own origin ("
                    + ownOrigin + "); actions from other origins are refused");
            }
        }
        final List<String> sites = headers.getAll("Sec-Fetch-Site");
        for (final String site : sites)
        {
            if (!"same-origin".equalsIgnoreCase(site) && !"none".equalsIgnoreCase(site))
            {
                throw crossOrigin("header Sec-Fetch-Site: " + quote(site) + "; actions are taken only from this "
                    + "endpoint's own origin (same-origin) or with no page at all (none)");
            }
        }
    }

    private static AdminRefusal crossOrigin(final String error)
    {
        return new AdminRefusal(403, RefusalLog.Kind.CROSS_ORIGIN, error);
    }

    /**
     * @param authority {@code host[:port]}, as in {@code Host} or after {@code http://} in {@code Origin}.
     * @return {@code host:port} in lower case, the port 80 if none, an IPv6 literal in brackets and in
     *         Java's form; or null if it is not a plain host name or address with an optional port.
     */
    static String normalize(final String authority)
    {
        final String host;
        final String port;
        if (authority.startsWith("["))
        {
            final int close = authority.indexOf(']');
            // an IPv6 literal only (a colon in it), so that no name is ever looked up
            if (close < 0 || !authority.substring(1, close).matches("[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*"))
            {
                return null;
            }
            try
            {
                host = "[" + InetAddress.getByName(authority.substring(1, close)).getHostAddress() + "]";
            }
            catch (final UnknownHostException ex)
            {
                return null;
            }
            port = authority.substring(close + 1);
        }
        else
        {
            final int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? "" : authority.substring(colon);
            if (!host.matches("[A-Za-z0-9.-]+"))
            {
                return null;
            }
        }
        if (!port.isEmpty() && !port.matches(":[0-9]{1,5}"))
        {
            return null;
        }
        final int number = port.isEmpty() ? 80 : Integer.parseInt(port.substring(1));
        return number < 1 || number > 65_535 ? null : host.toLowerCase(Locale.ROOT) + ":" + number;
    }

    private static byte[] sha256(final String text)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is part of every JVM", ex);
        }
    }
}
