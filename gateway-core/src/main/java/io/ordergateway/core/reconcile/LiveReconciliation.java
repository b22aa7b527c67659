package io.ordergateway.core.reconcile;

import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.broker.BrokerStatement;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.metrics.Alerts;
import io.ordergateway.core.recovery.Reconciler;
import io.ordergateway.core.state.PortfolioSnapshot;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reconciliation while the gateway runs, as an agent that never blocks: every interval (event
 * time) it takes a snapshot of the gateway's state, asks each healthy broker for its statement and
 * account, takes a second snapshot once they answered, and compares.
 *
 * <p><b>Orders and fills in flight.</b> A broker's statement is taken at one moment and the
 * gateway hears of it later, so the two never stand at exactly the same point. A position is
 * compared only if the gateway's was the same in both snapshots (nothing arrived for it meanwhile),
 * an order only if the gateway held it in the same state and filled quantity in both and not
 * pending a cancel or replace; and a difference counts only when the same difference (same kind,
 * place and quantities) comes back in the next pass. A confirmed difference is journaled, alerted
 * (once, until it goes away) and met with the policy: warn, reduce-only or kill switch for every
 * account.
 *
 * <p>Orders at the broker that the gateway never sent are adopted by the adapters while they read
 * the statement (when adoption is on), so they show as differences only if adoption is off.
 */
public final class LiveReconciliation implements Agent
{
    private static final Logger LOG = LoggerFactory.getLogger(LiveReconciliation.class);
    private static final long ANSWER_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private enum Phase
    {
        IDLE, BEFORE, STATEMENTS, AFTER
    }

    private final String instanceId;
    private final BrokerAdapter[] brokers;
    private final ClientOrderIds clientOrderIds;
    private final io.ordergateway.core.domain.SymbolTable symbols;
    private final ReconciliationSettings settings;
    private final ReconciliationActions actions;
    private final BrokerAccounts accounts;
    private final Alerts alerts;
    private final EpochNanoClock clock;
    private final long intervalNanos;
    @SuppressWarnings("unchecked")
    private final CompletableFuture<BrokerStatement>[] statements;
    private Phase phase = Phase.IDLE;
    private long nextPassNanos;
    private long askedAtNanos;
    private CompletableFuture<PortfolioSnapshot> before;
    private CompletableFuture<PortfolioSnapshot> after;
    private Set<ReconcileDifference> previous = Set.of();
    private final Set<ReconcileDifference> reported = new HashSet<>();
    private boolean policyApplied;
    private long passes;

    /**
     * @param instanceId     the gateway's instance id, for alerts.
     * @param brokers        the adapters by id.
     * @param clientOrderIds how brokers know the gateway's orders.
     * @param symbols        the gateway's symbols: a broker's position or order in another is not its business.
     * @param settings       interval and policy.
     * @param actions        the gateway's side.
     * @param accounts       where each broker's latest account answer goes.
     * @param alerts         counts confirmed differences.
     * @param clock          event time: the interval is measured in it.
     */
    @SuppressWarnings("unchecked")
    public LiveReconciliation(final String instanceId, final BrokerAdapter[] brokers,
        final ClientOrderIds clientOrderIds, final io.ordergateway.core.domain.SymbolTable symbols,
        final ReconciliationSettings settings, final ReconciliationActions actions, final BrokerAccounts accounts,
        final Alerts alerts, final EpochNanoClock clock)
    {
        this.symbols = symbols;
        this.instanceId = instanceId;
        this.brokers = brokers;
        this.clientOrderIds = clientOrderIds;
        this.settings = settings;
        this.actions = actions;
        this.accounts = accounts;
        this.alerts = alerts;
        this.clock = clock;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(settings.intervalSeconds());
        this.statements = new CompletableFuture[brokers.length];
    }

    @Override
    public void onStart()
    {
        nextPassNanos = clock.nanoTime() + intervalNanos;
    }

    @Override
    public int doWork()
    {
        final long now = clock.nanoTime();
        switch (phase)
        {
            case IDLE:
                if (now - nextPassNanos < 0)
                {
                    return 0;
                }
                before = actions.snapshot();
                phase = Phase.BEFORE;
                return 1;
            case BEFORE:
                if (!before.isDone())
                {
                    return 0;
                }
                if (before.isCompletedExceptionally())
                {
                    finish(now); // the ring refused the request: next pass
                    return 1;
                }
                ask(now);
                phase = Phase.STATEMENTS;
                return 1;
            case STATEMENTS:
                if (!answered() && now - askedAtNanos < ANSWER_TIMEOUT_NANOS)
                {
                    return 0;
                }
                after = actions.snapshot();
                phase = Phase.AFTER;
                return 1;
            default:
                if (!after.isDone())
                {
                    return 0;
                }
                if (!after.isCompletedExceptionally())
                {
                    compare(before.join(), after.join());
                }
                finish(now);
                return 1;
        }
    }

    /**
     * @return passes completed, for tests and status.
     */
    public long passes()
    {
        return passes;
    }

    private void finish(final long now)
    {
        phase = Phase.IDLE;
        nextPassNanos = now + intervalNanos;
        passes++;
    }

    private void ask(final long now)
    {
        askedAtNanos = now;
        for (int b = 0; b < brokers.length; b++)
        {
            final BrokerAdapter broker = brokers[b];
            statements[b] = null;
            if (broker.health() != BrokerHealth.HEALTHY)
            {
                continue; // its stream is catching up or down: its statement would be compared at a bad moment
            }
            statements[b] = broker.askStatement(b);
            final int brokerId = b;
            broker.askAccount().thenAccept(a -> accounts.update(brokerId, a));
        }
    }

    private boolean answered()
    {
        for (final CompletableFuture<BrokerStatement> s : statements)
        {
            if (s != null && !s.isDone())
            {
                return false;
            }
        }
        return true;
    }

    private void compare(final PortfolioSnapshot first, final PortfolioSnapshot second)
    {
        final Set<ReconcileDifference> found = new HashSet<>();
        for (int b = 0; b < brokers.length; b++)
        {
            final CompletableFuture<BrokerStatement> s = statements[b];
            if (s != null && s.isDone() && !s.isCompletedExceptionally())
            {
                compare(b, first, second, s.join(), found);
            }
            else if (s != null)
            {
                LOG.warn("reconciliation: {} gave no statement this pass: {}", brokers[b].name(), failure(s));
            }
        }
        final Set<ReconcileDifference> confirmed = new HashSet<>(found);
        confirmed.retainAll(previous);
        previous = found;
        reported.retainAll(confirmed); // a difference that went away may be reported again if it comes back
        if (reported.isEmpty())
        {
            policyApplied = false; // differences gone: a new one applies the policy again (after an operator's release)
        }
        for (final ReconcileDifference d : confirmed)
        {
            if (reported.contains(d) || !actions.journal(d, settings.onDifference()))
            {
                continue;
            }
            reported.add(d);
            alerts.reconciliationDifferences(1);
            LOG.warn("ALERT gateway {}: reconciliation: {} (policy {})", instanceId, d.describe(),
                settings.onDifference());
        }
        if (!reported.isEmpty() && !policyApplied && settings.onDifference() != DifferencePolicy.WARN)
        {
            policyApplied = actions.apply(settings.onDifference());
            if (policyApplied)
            {
                LOG.warn("ALERT gateway {}: reconciliation found differences with the brokers: {} engaged for every "
                    + "account", instanceId, settings.onDifference());
            }
        }
    }

    private static String failure(final CompletableFuture<BrokerStatement> s)
    {
        if (!s.isDone())
        {
            return "no answer within " + TimeUnit.NANOSECONDS.toSeconds(ANSWER_TIMEOUT_NANOS) + " s";
        }
        try
        {
            s.join();
            return "";
        }
        catch (final java.util.concurrent.CompletionException | java.util.concurrent.CancellationException ex)
        {
            return ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage();
        }
    }

    /**
     * The differences {@link Reconciler} finds between the second snapshot and the statement, less
     * what may be in flight: a position that changed between the snapshots, an order that was not
     * steady in both, one at the broker that the gateway held a moment ago; and less symbols the
     * gateway does not trade.
     */
    private void compare(final int b, final PortfolioSnapshot first, final PortfolioSnapshot second,
        final BrokerStatement statement, final Set<ReconcileDifference> found)
    {
        final String name = brokers[b].name();
        final Map<String, Long> g1 = positions(first, b);
        final Map<Long, PortfolioSnapshot.OrderLine> o1 = openOrders(first, b);
        final Map<Long, PortfolioSnapshot.OrderLine> o2 = openOrders(second, b);
        for (final Reconciler.Difference d : Reconciler.compare(second, statement, clientOrderIds))
        {
            if (!symbols.contains(symbols.id(d.symbol())))
            {
                continue; // neither its position nor its orders are the gateway's business
            }
            final long id = d.orderId();
            switch (d.kind())
            {
                case POSITION:
                    if (g1.getOrDefault(d.symbol(), 0L) == d.journal())
                    {
                        found.add(new ReconcileDifference(DifferenceKind.POSITION, b, name, d.symbol(), 0, "",
                            d.journal(), d.broker()));
                    }
                    break;
                case ORDER_ONLY_AT_BROKER:
                    if (id == 0 || !o1.containsKey(id))
                    {
                        found.add(new ReconcileDifference(DifferenceKind.ORDER_ONLY_AT_BROKER, b, name, d.symbol(), id,
                            d.clientOrderId(), 0, d.broker()));
                    }
                    break;
                case ORDER_ONLY_IN_JOURNAL:
                    if (steady(o1.get(id), o2.get(id)))
                    {
                        found.add(new ReconcileDifference(DifferenceKind.ORDER_ONLY_IN_GATEWAY, b, name, d.symbol(), id,
                            d.clientOrderId(), d.journal(), 0));
                    }
                    break;
                default:
                    if (steady(o1.get(id), o2.get(id)))
                    {
                        found.add(new ReconcileDifference(DifferenceKind.ORDER_FILLED_QUANTITY, b, name, d.symbol(),
                            id, d.clientOrderId(), d.journal(), d.broker()));
                    }
                    break;
            }
        }
    }

    /**
     * An order held the same in both snapshots, acknowledged and not waiting for a cancel or replace.
     */
    private static boolean steady(final PortfolioSnapshot.OrderLine x, final PortfolioSnapshot.OrderLine y)
    {
        return x != null && y != null && x.state() == y.state() && x.cumQuantity() == y.cumQuantity()
            && x.acknowledged() && (y.state() == OrderState.NEW || y.state() == OrderState.PARTIALLY_FILLED);
    }

    private static Map<String, Long> positions(final PortfolioSnapshot s, final int brokerId)
    {
        final Map<String, Long> out = new HashMap<>();
        for (final PortfolioSnapshot.PositionLine p : s.positions())
        {
            if (p.brokerId() == brokerId)
            {
                out.merge(p.symbol(), p.quantity(), Long::sum);
            }
        }
        return out;
    }

    private static Map<Long, PortfolioSnapshot.OrderLine> openOrders(final PortfolioSnapshot s, final int brokerId)
    {
        final Map<Long, PortfolioSnapshot.OrderLine> out = new HashMap<>();
        final List<PortfolioSnapshot.OrderLine> lines = s.openOrders();
        for (final PortfolioSnapshot.OrderLine o : lines)
        {
            if (o.brokerId() == brokerId)
            {
                out.put(o.orderId(), o);
            }
        }
        return out;
    }

    @Override
    public String roleName()
    {
        return "reconciliation";
    }
}
