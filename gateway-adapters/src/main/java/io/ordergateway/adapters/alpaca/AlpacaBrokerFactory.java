package io.ordergateway.adapters.alpaca;

import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerBlock;
import io.ordergateway.core.broker.BrokerDefinition;
import io.ordergateway.core.broker.BrokerFactory;

import java.net.URI;
import java.util.Map;

/**
 * {@code type: alpaca} in the configuration: an {@link AlpacaBroker}. Keys: url (default the paper
 * endpoint), keyId and secretKey (write them as {@code ${ENV}} references), live, requestTimeoutMillis.
 * The checks of {@link AlpacaConfig} (a live endpoint needs {@code live: true}, a URL it can use)
 * are reported at the key they concern.
 */
public final class AlpacaBrokerFactory implements BrokerFactory
{
    /**
     * An Alpaca broker as configured.
     *
     * @param config its settings (its {@code toString} leaves the credentials out).
     */
    public record Definition(AlpacaConfig config) implements BrokerDefinition
    {
        @Override
        public BrokerAdapter create(final Map<String, Long> referencePrices)
        {
            return new AlpacaBroker(config);
        }
    }

    @Override
    public String type()
    {
        return "alpaca";
    }

    @Override
    public BrokerDefinition define(final BrokerBlock b)
    {
        final String url = b.text("url", AlpacaConfig.PAPER_URL.toString());
        final String keyId = b.requiredText("keyId");
        final String secretKey = b.requiredText("secretKey");
        final boolean live = b.bool("live", false);
        final long timeoutMillis = b.integer("requestTimeoutMillis", 5_000, 1, 600_000);
        if (keyId == null || secretKey == null)
        {
            return prices -> // never made: the configuration is refused with the problems above
            {
                throw new IllegalStateException("alpaca " + b.name() + ": no credentials");
            };
        }
        final URI uri;
        try
        {
            uri = URI.create(url);
        }
        catch (final IllegalArgumentException ex)
        {
            b.problem("url", "'" + url + "' is not a URL; expected e.g. https://paper-api.alpaca.markets");
            return prices ->
            {
                throw new IllegalStateException("alpaca " + b.name() + ": no URL");
            };
        }
        try
        {
            return new Definition(AlpacaConfig.of(b.name(), uri, keyId, secretKey, live)
                .withRequestTimeout(timeoutMillis));
        }
        catch (final IllegalArgumentException ex)
        {
            b.problem("url", ex.getMessage());
            return prices ->
            {
                throw new IllegalStateException("alpaca " + b.name() + ": " + ex.getMessage());
            };
        }
    }
}
