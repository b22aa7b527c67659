package io.ordergateway.adapters.fix;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One FIX broker's settings, as {@code type: fix} in the configuration reads them. The password is never part of
 * {@link #toString()}.
 *
 * @param name                the broker's name in the gateway.
 * @param host                the counterparty's host.
 * @param port                its port.
 * @param beginString         {@code FIX.4.2} or {@code FIX.4.4}.
 * @param senderCompId        the gateway's CompID.
 * @param targetCompId        the counterparty's CompID.
 * @param heartbeatSeconds    heartbeat interval asked for at logon.
 * @param resetOnLogon        ask for sequence numbers 1 at every logon (ResetSeqNumFlag=Y).
 * @param account             tag 1 on every order, or null.
 * @param username            tag 553 at logon, or null.
 * @param password            tag 554 at logon, or null.
 * @param reconnectSeconds    the first wait before connecting again; doubled on each failure up to a minute, with
 *                            jitter.
 * @param logonTimeoutSeconds how long a logon may take before the attempt counts as failed.
 * @param resendMaxAgeSeconds an order message older than this is gap-filled, not resent, when the counterparty asks
 *                            for a resend, so a stale order is never executed late.
 * @param stateDirectory      where the engine keeps sequence numbers and sent messages (across restarts), or null
 *                            for the gateway's broker directory.
 */
public record FixConfig(String name, String host, int port, String beginString, String senderCompId,
    String targetCompId, int heartbeatSeconds, boolean resetOnLogon, String account, String username,
    String password, int reconnectSeconds, int logonTimeoutSeconds, int resendMaxAgeSeconds, Path stateDirectory)
{
    /** FIX 4.2. */
    public static final String FIX42 = "FIX.4.2";
    /** FIX 4.4. */
    public static final String FIX44 = "FIX.4.4";

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException naming the first setting that is wrong.
     */
    public FixConfig
    {
        Objects.requireNonNull(name, "name");
        require(host != null && !host.isBlank(), "host is required");
        require(port > 0 && port < 65_536, "port must be 1 to 65535, was " + port);
        require(FIX42.equals(beginString) || FIX44.equals(beginString),
            "beginString must be FIX.4.2 or FIX.4.4, was '" + beginString + "'");
        require(senderCompId != null && !senderCompId.isBlank(), "senderCompId is required");
        require(targetCompId != null && !targetCompId.isBlank(), "targetCompId is required");
        require(heartbeatSeconds >= 1 && heartbeatSeconds <= 3_600, "heartbeatSeconds must be 1 to 3600");
        require((username == null) == (password == null), "username and password go together");
        require(reconnectSeconds >= 1 && reconnectSeconds <= 3_600, "reconnectSeconds must be 1 to 3600");
        require(logonTimeoutSeconds >= 1, "logonTimeoutSeconds must be at least 1");
        require(resendMaxAgeSeconds >= 0, "resendMaxAgeSeconds must not be negative");
    }

    /**
     * @param name         the broker's name.
     * @param host         the host.
     * @param port         the port.
     * @param senderCompId the gateway's CompID.
     * @param targetCompId the counterparty's.
     * @return FIX 4.4, heartbeat 30 s, no reset, no account or credentials, reconnect after 5 s, logon timeout 10 s,
     *         resend up to 30 s old, in the gateway's broker directory.
     */
    public static FixConfig of(final String name, final String host, final int port, final String senderCompId,
        final String targetCompId)
    {
        return new FixConfig(name, host, port, FIX44, senderCompId, targetCompId, 30, false, null, null, null, 5, 10,
            30, null);
    }

    /**
     * @param directory where the engine keeps its state.
     * @return this with it.
     */
    public FixConfig withStateDirectory(final Path directory)
    {
        return new FixConfig(name, host, port, beginString, senderCompId, targetCompId, heartbeatSeconds,
            resetOnLogon, account, username, password, reconnectSeconds, logonTimeoutSeconds, resendMaxAgeSeconds,
            directory);
    }

    /**
     * @param begin FIX.4.2 or FIX.4.4.
     * @return this with it.
     */
    public FixConfig withBeginString(final String begin)
    {
        return new FixConfig(name, host, port, begin, senderCompId, targetCompId, heartbeatSeconds, resetOnLogon,
            account, username, password, reconnectSeconds, logonTimeoutSeconds, resendMaxAgeSeconds, stateDirectory);
    }

    /**
     * @param seconds the first reconnect wait.
     * @return this with it.
     */
    public FixConfig withReconnectSeconds(final int seconds)
    {
        return new FixConfig(name, host, port, beginString, senderCompId, targetCompId, heartbeatSeconds,
            resetOnLogon, account, username, password, seconds, logonTimeoutSeconds, resendMaxAgeSeconds,
            stateDirectory);
    }

    /**
     * @param user   tag 553.
     * @param secret tag 554.
     * @return this with credentials.
     */
    public FixConfig withCredentials(final String user, final String secret)
    {
        return new FixConfig(name, host, port, beginString, senderCompId, targetCompId, heartbeatSeconds,
            resetOnLogon, account, user, secret, reconnectSeconds, logonTimeoutSeconds, resendMaxAgeSeconds,
            stateDirectory);
    }

    private static void require(final boolean ok, final String problem)
    {
        if (!ok)
        {
            throw new IllegalArgumentException(problem);
        }
    }

    @Override
    public String toString()
    {
        return "FixConfig[" + name + " " + beginString + " " + senderCompId + "->" + targetCompId + " at " + host + ":"
            + port + ", heartbeat " + heartbeatSeconds + " s, resetOnLogon " + resetOnLogon
            + (account == null ? "" : ", account " + account) + (username == null ? "" : ", username " + username
            + ", password ****") + "]";
    }
}
