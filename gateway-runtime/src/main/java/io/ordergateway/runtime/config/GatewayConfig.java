package io.ordergateway.runtime.config;

import io.ordergateway.core.domain.Instrument;
import io.ordergateway.core.agent.ThreadingMode;
import io.ordergateway.core.pipeline.Topology;
import io.ordergateway.core.pipeline.WaitStrategyKind;
import io.ordergateway.core.risk.RiskLimits;
import io.ordergateway.core.routing.RoutingConfig;
import io.ordergateway.journal.JournalRollCycle;

import java.nio.file.Path;
import java.util.List;

/**
 * A whole gateway as its configuration file describes it, checked: what {@link ConfigLoader} reads
 * from YAML (after the profile's overrides and {@code ${ENV}} substitution) and
 * {@link ConfiguredGateway} builds. Checked by the same {@link io.ordergateway.core.api.GatewaySettings}
 * rules as a gateway built in code, plus what only a file can get wrong. Secrets are held as given and never printed by
 * {@link #toString()}.
 *
 * @param instanceId     the gateway's instance id (client order id prefix).
 * @param ringSize       ring slots.
 * @param threadingMode  how agents are put on threads.
 * @param topology       how stages are grouped onto threads.
 * @param waitStrategy   how stage threads wait.
 * @param journal        the journal directory.
 * @param rollCycle      how often the journal starts a new file ({@code rollCycle: daily|hourly}).
 * @param durability     when a journaled record counts as kept ({@code durability: page_cache|group_commit}).
 * @param pretouch       whether the journal's pages are faulted in ahead of its writer ({@code pretouch}, default
 *                       true).
 * @param instruments    tradable instruments.
 * @param brokers        brokers in id order.
 * @param routing        routing and failover.
 * @param risk           pre-trade limits.
 * @param throttles      rate limits: account, strategy, symbol.
 * @param admin          the admin endpoint.
 * @param countersFile   where live counters are published (relative paths are under the journal), or null for none.
 * @param profile        the profile applied, or null.
 */
public record GatewayConfig(
    String instanceId, int ringSize, ThreadingMode threadingMode, Topology topology, WaitStrategyKind waitStrategy,
    Path journal, JournalRollCycle rollCycle, io.ordergateway.journal.JournalDurability durability, boolean pretouch,
    List<Instrument> instruments, List<Broker> brokers, RoutingConfig routing,
    RiskLimits risk, Throttles throttles, Admin admin, Path countersFile, String profile,
    io.ordergateway.core.reconcile.ReconciliationSettings reconciliation)
{
    /**
     * Copies the lists.
     */
    public GatewayConfig
    {
        instruments = List.copyOf(instruments);
        brokers = List.copyOf(brokers);
    }

    /**
     * One broker.
     *
     * @param name       its name.
     * @param type       its type, the name of the {@link io.ordergateway.core.broker.BrokerFactory} that read its
     *                   block.
     * @param enabled    whether routing uses it ({@code enabled}, default true).
     * @param definition what its factory made of its block (it makes the adapter; secrets are never printed).
     */
    public record Broker(String name, String type, boolean enabled,
        io.ordergateway.core.broker.BrokerDefinition definition)
    {
        @Override
        public String toString()
        {
            return "Broker[name=" + name + ", type=" + type + ", enabled=" + enabled + ", settings=(hidden)]";
        }
    }

    /**
     * A rate limit.
     *
     * @param ratePerSecond rate (0: off).
     * @param burst         burst.
     */
    public record Rate(long ratePerSecond, long burst)
    {
    }

    /**
     * The three throttles.
     *
     * @param account  per account.
     * @param strategy per strategy.
     * @param symbol   per symbol.
     */
    public record Throttles(Rate account, Rate strategy, Rate symbol)
    {
    }

    /**
     * The admin endpoint.
     *
     * @param port  port, 0 when off.
     * @param bind  address to bind.
     * @param token bearer token (required when {@code bind} is not loopback), or null.
     */
    public record Admin(int port, String bind, String token)
    {
        @Override
        public String toString()
        {
            return "Admin[port=" + port + ", bind=" + bind + ", token=" + (token == null ? "none" : "(hidden)") + "]";
        }
    }
}
