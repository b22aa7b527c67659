package io.ordergateway.core.reconcile;

import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.CapabilityOverride;
import io.ordergateway.core.broker.SymbolTerms;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.journal.BrokerTermsRecord;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Asks each broker what it accepts per symbol (tradable, shortable, fractionable...) at start and
 * then every interval (daily by default, event time), applies the configuration's overrides, and
 * puts the result into the ring, where the route stage follows it and the journal records it
 * ({@code BrokerTerms}), so a replay routes the same. An agent that never blocks: the answers are
 * futures it looks at on each duty cycle; a refused publication is tried again on the next.
 */
public final class BrokerTermsDiscovery implements Agent
{
    private static final Logger LOG = LoggerFactory.getLogger(BrokerTermsDiscovery.class);

    private final BrokerAdapter[] brokers;
    private final SymbolTable symbols;
    private final List<String> symbolNames;
    private final ReconciliationSettings settings;
    private final Predicate<BrokerTermsRecord> publisher;
    private final EpochNanoClock clock;
    private final long intervalNanos;
    private final List<CompletableFuture<List<SymbolTerms>>> asked = new ArrayList<>();
    private final BrokerTermsRecord[] ready;
    private long nextNanos = Long.MIN_VALUE;

    /**
     * @param brokers   the adapters by id.
     * @param symbols   the gateway's symbols.
     * @param settings  the discovery interval and the configuration's overrides.
     * @param publisher puts a broker's terms into the ring; false if the ring refused (tried again).
     * @param clock     event time.
     */
    public BrokerTermsDiscovery(final BrokerAdapter[] brokers, final SymbolTable symbols,
        final ReconciliationSettings settings, final Predicate<BrokerTermsRecord> publisher, final EpochNanoClock clock)
    {
        this.brokers = brokers;
        this.symbols = symbols;
        this.settings = settings;
        this.publisher = publisher;
        this.clock = clock;
        this.intervalNanos = settings.discoverySeconds() == 0 ? Long.MAX_VALUE
            : TimeUnit.SECONDS.toNanos(settings.discoverySeconds());
        this.ready = new BrokerTermsRecord[brokers.length];
        final List<String> names = new ArrayList<>();
        for (int s = 0; s < symbols.size(); s++)
        {
            names.add(symbols.name(s));
        }
        this.symbolNames = List.copyOf(names);
        for (int b = 0; b < brokers.length; b++)
        {
            asked.add(null);
        }
    }

    @Override
    public int doWork()
    {
        int work = 0;
        for (int b = 0; b < brokers.length; b++)
        {
            if (ready[b] != null && publisher.test(ready[b]))
            {
                ready[b] = null;
                work++;
            }
            final CompletableFuture<List<SymbolTerms>> answer = asked.get(b);
            if (answer != null && answer.isDone())
            {
                asked.set(b, null);
                work++;
                try
                {
                    ready[b] = record(b, answer.join());
                }
                catch (final RuntimeException ex)
                {
                    LOG.warn("{} could not say what it accepts per symbol ({}); routing keeps what it knew",
                        brokers[b].name(), ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage());
                }
            }
        }
        final long now = clock.nanoTime();
        if (nextNanos == Long.MIN_VALUE || now - nextNanos >= 0 && idle())
        {
            nextNanos = intervalNanos == Long.MAX_VALUE ? Long.MAX_VALUE - 1 : now + intervalNanos;
            for (int b = 0; b < brokers.length; b++)
            {
                asked.set(b, ask(brokers[b]));
            }
            work++;
        }
        return work;
    }

    private boolean idle()
    {
        for (int b = 0; b < brokers.length; b++)
        {
            if (asked.get(b) != null || ready[b] != null)
            {
                return false;
            }
        }
        return true;
    }

    private CompletableFuture<List<SymbolTerms>> ask(final BrokerAdapter broker)
    {
        try
        {
            return broker.discoverTerms(symbolNames);
        }
        catch (final RuntimeException ex)
        {
            return CompletableFuture.failedFuture(ex);
        }
    }

    private BrokerTermsRecord record(final int b, final List<SymbolTerms> said)
    {
        final CapabilityOverride override = settings.capabilitiesOf(brokers[b].name());
        final List<BrokerTermsRecord.Line> lines = new ArrayList<>();
        for (final SymbolTerms t : said)
        {
            final int id = symbols.id(t.symbol());
            if (id != SymbolTable.UNKNOWN)
            {
                final SymbolTerms s = override.apply(t);
                lines.add(new BrokerTermsRecord.Line(id, s.tradable(), s.shortable(), s.easyToBorrow(),
                    s.fractionable(), s.marginable()));
            }
        }
        return new BrokerTermsRecord(0, 0, b, lines);
    }

    @Override
    public String roleName()
    {
        return "discovery";
    }
}
