package io.ordergateway.adapters.fix;

import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerBlock;
import io.ordergateway.core.broker.BrokerDefinition;
import io.ordergateway.core.broker.BrokerFactory;

import java.util.Map;

/**
 * {@code type: fix} in the configuration: a {@link FixBroker}. Keys: {@code host}, {@code port}, {@code beginString}
 * ({@code FIX.4.2} | {@code FIX.4.4}, default 4.4), {@code senderCompId}, {@code targetCompId},
 * {@code heartbeatSeconds} (30), {@code resetOnLogon} (false), {@code account}, {@code username} and
 * {@code password} (write them as {@code ${ENV}} references), {@code reconnectSeconds} (5), and two of the adapter's
 * own: {@code logonTimeoutSeconds} (10) and {@code resendMaxAgeSeconds} (30). The session's state is kept in
 * {@code brokers/NAME} under the journal's directory.
 */
public final class FixBrokerFactory implements BrokerFactory
{
    /**
     * A FIX broker as configured.
     *
     * @param config its settings (its {@code toString} leaves the password out).
     */
    public record Definition(FixConfig config) implements BrokerDefinition
    {
        @Override
        public BrokerAdapter create(final Map<String, Long> referencePrices)
        {
            return new FixBroker(config);
        }
    }

    @Override
    public String type()
    {
        return "fix";
    }

    @Override
    public BrokerDefinition define(final BrokerBlock b)
    {
        final String host = b.requiredText("host");
        final long port = b.integer("port", 0, 1, 65_535);
        final String begin = b.text("beginString", FixConfig.FIX44);
        final String sender = b.requiredText("senderCompId");
        final String target = b.requiredText("targetCompId");
        final long heartbeat = b.integer("heartbeatSeconds", 30, 1, 3_600);
        final boolean reset = b.bool("resetOnLogon", false);
        final String account = b.text("account", null);
        final String username = b.text("username", null);
        final String password = b.text("password", null);
        final long reconnect = b.integer("reconnectSeconds", 5, 1, 3_600);
        final long logonTimeout = b.integer("logonTimeoutSeconds", 10, 1, 600);
        final long resendAge = b.integer("resendMaxAgeSeconds", 30, 0, 86_400);
        if (port == 0)
        {
            b.problem("port", "port is required (1 to 65535)");
        }
        if (!FixConfig.FIX42.equals(begin) && !FixConfig.FIX44.equals(begin))
        {
            b.problem("beginString", "'" + begin + "' is not FIX.4.2 or FIX.4.4");
        }
        if ((username == null) != (password == null))
        {
            b.problem(username == null ? "username" : "password", "username and password go together");
        }
        try
        {
            return new Definition(new FixConfig(b.name(), host, (int)port, begin, sender, target, (int)heartbeat,
                reset, account, username, password, (int)reconnect, (int)logonTimeout, (int)resendAge, null));
        }
        catch (final RuntimeException ex) // a problem above, already reported at its key
        {
            return prices ->
            {
                throw new IllegalStateException("fix " + b.name() + ": " + ex.getMessage());
            };
        }
    }
}
