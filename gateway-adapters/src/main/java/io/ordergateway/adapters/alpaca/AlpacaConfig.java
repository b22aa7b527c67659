package io.ordergateway.adapters.alpaca;

import io.ordergateway.core.broker.BrokerCapabilities;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.TimeInForce;

import java.net.URI;
import java.util.EnumSet;
import java.util.Map;

/**
 * Settings of an {@link AlpacaBroker}. The key and secret are held here and written only into
 * request headers and the stream's authenticate message: {@link #toString()} leaves them out, and no
 * error message of the adapter contains them.
 *
 * @param name                 the broker's name in the gateway.
 * @param restUrl              REST base, such as {@code https://paper-api.alpaca.markets} or a local {@code http://}
 *                             simulator.
 * @param streamUrl            the trade_updates WebSocket, such as {@code wss://paper-api.alpaca.markets/stream}.
 * @param keyId                the API key id.
 * @param secretKey            the API secret.
 * @param live                 true to allow the live endpoint ({@code api.alpaca.markets}); it is refused otherwise.
 * @param requestTimeoutMillis how long a REST request may take before its outcome counts as unknown.
 * @param connections          keep-alive REST connections (one request in flight on each).
 * @param reconnectMinMillis   first stream reconnect delay; it doubles with each failure.
 * @param reconnectMaxMillis   the longest reconnect delay.
 * @param capabilities         what the account accepts (routing reads it).
 */
public record AlpacaConfig(
    String name, URI restUrl, URI streamUrl, String keyId, String secretKey, boolean live, long requestTimeoutMillis,
    int connections, long reconnectMinMillis, long reconnectMaxMillis, BrokerCapabilities capabilities)
{
    /** Alpaca's paper trading REST endpoint, the default. */
    public static final URI PAPER_URL = URI.create("https://paper-api.alpaca.markets");
    /** The live endpoint's host: refused unless {@code live} is set. */
    public static final String LIVE_HOST = "api.alpaca.markets";
    /** Environment variable holding the key id. */
    public static final String KEY_VARIABLE = "ALPACA_API_KEY";
    /** Environment variable holding the secret. */
    public static final String SECRET_VARIABLE = "ALPACA_SECRET_KEY";

    /**
     * Checks the settings.
     */
    public AlpacaConfig
    {
        require(restUrl != null && ("http".equals(restUrl.getScheme()) || "https".equals(restUrl.getScheme()))
            && restUrl.getHost() != null, "restUrl must be an http:// or https:// URL with a host, not " + restUrl);
        require(streamUrl != null && ("ws".equals(streamUrl.getScheme()) || "wss".equals(streamUrl.getScheme())),
            "streamUrl must be a ws:// or wss:// URL, not " + streamUrl);
        require(keyId != null && !keyId.isBlank(), "the API key id is missing (set " + KEY_VARIABLE + ")");
        require(secretKey != null && !secretKey.isBlank(), "the API secret is missing (set " + SECRET_VARIABLE + ")");
        require(live || !LIVE_HOST.equalsIgnoreCase(restUrl.getHost()),
            restUrl + " is Alpaca's live endpoint: set live: true to trade real money");
        require(requestTimeoutMillis > 0, "requestTimeoutMillis must be positive");
        require(connections > 0 && connections <= 64, "connections must be between 1 and 64");
        require(reconnectMinMillis > 0 && reconnectMaxMillis >= reconnectMinMillis,
            "reconnect delays must be positive, min <= max");
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException("alpaca: " + message);
        }
    }

    /**
     * @param name      the broker's name.
     * @param restUrl   REST base URL; the stream URL is derived from it ({@code ws[s]://host[:port]/stream}).
     * @param keyId     the key id.
     * @param secretKey the secret.
     * @return settings with a 5 s request timeout, 4 connections, reconnects from 250 ms to 30 s, and Alpaca's equity
     *         capabilities.
     */
    public static AlpacaConfig of(final String name, final URI restUrl, final String keyId, final String secretKey)
    {
        return of(name, restUrl, keyId, secretKey, false);
    }

    /**
     * @param name      the broker's name.
     * @param restUrl   REST base URL; the stream URL is derived from it.
     * @param keyId     the key id.
     * @param secretKey the secret.
     * @param live      true to allow Alpaca's live endpoint (real money).
     * @return settings as {@link #of(String, URI, String, String)}, the live endpoint allowed or not.
     */
    public static AlpacaConfig of(final String name, final URI restUrl, final String keyId, final String secretKey,
        final boolean live)
    {
        return new AlpacaConfig(name, restUrl, streamUrlFor(restUrl), keyId, secretKey, live, 5_000, 4, 250, 30_000,
            equities());
    }

    /**
     * Reads the key and secret from {@code ALPACA_API_KEY} and {@code ALPACA_SECRET_KEY}.
     *
     * @param name        the broker's name.
     * @param restUrl     REST base URL.
     * @param environment the environment, such as {@code System.getenv()}.
     * @return the settings.
     * @throws IllegalArgumentException naming the variable that is missing.
     */
    public static AlpacaConfig
        fromEnvironment(final String name, final URI restUrl, final Map<String, String> environment)
    {
        return of(name, restUrl, environment.get(KEY_VARIABLE), environment.get(SECRET_VARIABLE));
    }

    /**
     * @param restUrl a REST base URL.
     * @return the trade_updates URL on the same host.
     */
    public static URI streamUrlFor(final URI restUrl)
    {
        final String scheme = "https".equals(restUrl.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + restUrl.getHost() + (restUrl.getPort() > 0 ? ":" + restUrl.getPort() : "")
            + "/stream");
    }

    /**
     * @return what an Alpaca equities account takes: every type, TIF and class; fractional; short; extended hours.
     */
    public static BrokerCapabilities equities()
    {
        return new BrokerCapabilities(EnumSet.allOf(OrderType.class), EnumSet.allOf(TimeInForce.class),
            EnumSet.allOf(OrderClass.class), true, true, true);
    }

    /**
     * @param live true to allow the live endpoint.
     * @return a copy.
     */
    public AlpacaConfig withLive(final boolean live)
    {
        return new AlpacaConfig(name, restUrl, streamUrl, keyId, secretKey, live, requestTimeoutMillis, connections,
            reconnectMinMillis, reconnectMaxMillis, capabilities);
    }

    /**
     * @param timeoutMillis the REST request timeout.
     * @return a copy.
     */
    public AlpacaConfig withRequestTimeout(final long timeoutMillis)
    {
        return new AlpacaConfig(name, restUrl, streamUrl, keyId, secretKey, live, timeoutMillis, connections,
            reconnectMinMillis, reconnectMaxMillis, capabilities);
    }

    /**
     * @param minMillis first delay.
     * @param maxMillis cap.
     * @return a copy with these stream reconnect delays.
     */
    public AlpacaConfig withReconnect(final long minMillis, final long maxMillis)
    {
        return new AlpacaConfig(name, restUrl, streamUrl, keyId, secretKey, live, requestTimeoutMillis, connections,
            minMillis, maxMillis, capabilities);
    }

    /**
     * @return true when the REST endpoint is Alpaca's live one.
     */
    public boolean isLiveEndpoint()
    {
        return LIVE_HOST.equalsIgnoreCase(restUrl.getHost());
    }

    @Override
    public String toString()
    {
        return "AlpacaConfig[name=" + name + ", restUrl=" + restUrl + ", streamUrl=" + streamUrl + ", live=" + live
            + ", credentials=(hidden)]";
    }
}
