package io.ordergateway.runtime.config;

import io.ordergateway.core.api.GatewayBuilder;
import io.ordergateway.core.api.GatewaySettings;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.domain.Instrument;
import io.ordergateway.core.settings.RuntimeSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link GatewayConfig} into brokers and a ready {@link GatewayBuilder}: the
 * library's builder taking the parsed configuration (it can still be changed before {@code build}).
 */
public final class ConfiguredGateway
{
    private ConfiguredGateway()
    {
    }

    /**
     * @param config the configuration.
     * @return a builder with the instruments, brokers, routing, limits, throttles and threading set.
     */
    public static GatewayBuilder builder(final GatewayConfig config)
    {
        return builder(config, brokers(config));
    }

    /**
     * @param config  the configuration.
     * @param brokers the adapters to use (made by {@link #brokers}, kept by the caller).
     * @return a builder with the instruments, brokers, routing, limits, throttles and threading set.
     */
    public static GatewayBuilder builder(final GatewayConfig config, final List<BrokerAdapter> brokers)
    {
        final GatewayBuilder b = OrderGateway.builder().settings(gatewaySettings(config));
        brokers.forEach(b::broker);
        return b;
    }

    /**
     * The one mapping from a configuration to a gateway's settings: the builder starts from it, the
     * loader checks it, and the run-time part of it is what a reload changes.
     *
     * @param config the configuration.
     * @return its settings, the brokers named (their adapters are made by {@link #brokers}).
     */
    public static GatewaySettings gatewaySettings(final GatewayConfig config)
    {
        final GatewayConfig.Throttles t = config.throttles();
        final GatewaySettings settings = new GatewaySettings()
            .instanceId(config.instanceId())
            .ringSize(config.ringSize())
            .threadingMode(config.threadingMode())
            .topology(config.topology())
            .waitStrategy(config.waitStrategy())
            .journalDirectory(config.journal())
            .journalRollCycle(config.rollCycle())
            .journalDurability(config.durability())
            .journalPretouch(config.pretouch())
            .countersFile(config.countersFile())
            .routing(config.routing())
            .riskLimits(config.risk())
            .accountRateLimit(t.account().ratePerSecond(), t.account().burst())
            .strategyRateLimit(t.strategy().ratePerSecond(), t.strategy().burst())
            .symbolRateLimit(t.symbol().ratePerSecond(), t.symbol().burst())
            .reconciliation(config.reconciliation())
            .brokerNames(config.brokers().stream().map(GatewayConfig.Broker::name).toList());
        config.instruments().forEach(settings::instrument);
        return settings;
    }

    /**
     * @param config the configuration.
     * @param source where it came from (for the settings history).
     * @return the part of the configuration that can change while the gateway runs.
     */
    public static RuntimeSettings settings(final GatewayConfig config, final String source)
    {
        return gatewaySettings(config).runtimeSettings(source);
    }

    /**
     * Applies what the configuration says about brokers being enabled (after {@code build}, and after
     * each reload): a broker marked {@code enabled: false} is disabled, one marked true enabled.
     *
     * @param gateway the gateway.
     * @param config  the configuration.
     * @param before  the previous configuration, or null at start.
     */
    public static void applyEnabled(final OrderGateway gateway, final GatewayConfig config, final GatewayConfig before)
    {
        for (int b = 0; b < config.brokers().size(); b++)
        {
            final boolean enabled = config.brokers().get(b).enabled();
            final boolean was = before == null || before.brokers().get(b).enabled();
            if (enabled != was)
            {
                if (enabled)
                {
                    gateway.controls().enableBroker(b);
                }
                else
                {
                    gateway.controls().disableBroker(b);
                }
            }
        }
    }

    /**
     * @param config the configuration.
     * @return one adapter per configured broker, in id order.
     */
    public static List<BrokerAdapter> brokers(final GatewayConfig config)
    {
        final Map<String, Long> prices = new LinkedHashMap<>();
        for (final Instrument i : config.instruments())
        {
            if (i.referencePrice() > 0)
            {
                prices.put(i.symbol(), i.referencePrice());
            }
        }
        final List<BrokerAdapter> out = new ArrayList<>();
        for (final GatewayConfig.Broker broker : config.brokers())
        {
            out.add(broker.definition().create(prices)); // made by the broker type's own factory
        }
        return out;
    }
}
