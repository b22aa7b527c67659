package io.ordergateway.runtime.admin;

import io.netty.handler.codec.http.QueryStringDecoder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.ordergateway.runtime.admin.AdminRefusal.quote;

/**
 * A request's target, read strictly: a path (percent-decoded) and its query parameters, each name with
 * every value it was given. Only the origin form ({@code /path?query}) is accepted; a fragment, a
 * parameter without a name or a bad percent escape is refused 400. Each route then says which
 * parameters it takes ({@link #takes}): any other name, or a name given twice, is refused 400 too, so a
 * mistyped or smuggled parameter never falls back to a default (as {@code accont=5} would to every account).
 */
final class RequestTarget
{
    private final String path;
    private final Map<String, List<String>> parameters;

    private RequestTarget(final String path, final Map<String, List<String>> parameters)
    {
        this.path = path;
        this.parameters = parameters;
    }

    /**
     * @param uri the request line's target.
     * @return it, read.
     * @throws AdminRefusal 400 for a target that is not a path and a well-formed query.
     */
    static RequestTarget parse(final String uri)
    {
        if (!uri.startsWith("/"))
        {
            throw malformed("request target: expected a path such as /admin/brokers, got " + quote(uri));
        }
        if (uri.indexOf('#') >= 0)
        {
            throw malformed("request target: a fragment (#) is not allowed");
        }
        final int q = uri.indexOf('?');
        final String rawPath = q < 0 ? uri : uri.substring(0, q);
        final Map<String, List<String>> parameters = new LinkedHashMap<>();
        try
        {
            final String path = new QueryStringDecoder(rawPath).path();
            if (q >= 0)
            {
                for (final String pair : uri.substring(q + 1).split("&", -1))
                {
                    if (pair.isEmpty())
                    {
                        continue;
                    }
                    final int eq = pair.indexOf('=');
                    final String name = QueryStringDecoder.decodeComponent(eq < 0 ? pair : pair.substring(0, eq));
                    final String value = eq < 0 ? "" : QueryStringDecoder.decodeComponent(pair.substring(eq + 1));
                    if (name.isEmpty())
                    {
                        throw malformed("query string: a parameter without a name (" + quote(pair) + ")");
                    }
                    parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                }
            }
            return new RequestTarget(path, parameters);
        }
        catch (final IllegalArgumentException ex)
        {
            throw malformed("request target: " + ex.getMessage());
        }
    }

    /** @return the path, percent-decoded. */
    String path()
    {
        return path;
    }

    /**
     * Refuses any parameter the route does not take, and any given more than once.
     *
     * @param route what the request is, for the error (e.g. {@code POST /admin/kill-switch}).
     * @param names the parameters it takes.
     * @throws AdminRefusal 400 naming the parameter.
     */
    void takes(final String route, final String... names)
    {
        for (final Map.Entry<String, List<String>> p : parameters.entrySet())
        {
            if (!List.of(names).contains(p.getKey()))
            {
                throw bad("query parameter " + quote(p.getKey()) + ": unknown for " + route + " (it takes "
                    + (names.length == 0 ? "none" : String.join(", ", names)) + ")");
            }
            if (p.getValue().size() > 1)
            {
                throw bad("query parameter " + p.getKey() + ": given " + p.getValue().size() + " times; give it once");
            }
        }
    }

    /**
     * @param name a parameter the route takes ({@link #takes} checked it is given at most once).
     * @return its value, or null when not given.
     */
    String get(final String name)
    {
        final List<String> values = parameters.get(name);
        return values == null ? null : values.get(0);
    }

    /**
     * @param name a parameter.
     * @param min  the least value.
     * @param what what it is, for the error.
     * @return its value, or -1 when not given.
     * @throws AdminRefusal 400 unless it is a decimal number from min to {@link Integer#MAX_VALUE}.
     */
    int number(final String name, final int min, final String what)
    {
        final String value = get(name);
        if (value == null)
        {
            return -1;
        }
        if (!value.matches("[0-9]{1,10}") || Long.parseLong(value) < min || Long.parseLong(value) > Integer.MAX_VALUE)
        {
            throw bad("query parameter " + name + ": expected a whole number from " + min + " to " + Integer.MAX_VALUE
                + " (" + what + "), got " + quote(value));
        }
        return Integer.parseInt(value);
    }

    static AdminRefusal bad(final String error)
    {
        return new AdminRefusal(400, RefusalLog.Kind.BAD_PARAMETER, error);
    }

    private static AdminRefusal malformed(final String error)
    {
        return new AdminRefusal(400, RefusalLog.Kind.MALFORMED, error);
    }
}
