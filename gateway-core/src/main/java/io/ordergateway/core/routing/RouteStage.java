package io.ordergateway.core.routing;

import io.ordergateway.core.pipeline.GatewayEvent;
import io.ordergateway.core.pipeline.EventType;
import com.lmax.disruptor.EventHandler;
import io.ordergateway.core.broker.BrokerCapabilities;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.DetailField;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.SymbolTable;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2LongHashMap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Stage 3: picks the broker for each new order that passed validation, throttling and risk, and
 * keeps each broker's health. It runs on the state stage's thread after risk, so it sees only the
 * orders that will be sent.
 *
 * <p>It counts definite failures (a reject for a connection error, an unavailable service or
 * refused credentials, and a new order not answered within the send timeout) and answers (acks,
 * fills, business rejects) per broker, drives each broker's {@link CircuitBreaker}, the
 * {@link FailoverChain} and the pause, and writes every decision on the event
 * ({@link GatewayEvent#routingChanges}) for the journal. Time is the events' (ticks included), so
 * replaying the journal through this stage makes the same decisions. Cancels and replaces go to
 * the broker that holds the order; the state stage sets it.
 */
public final class RouteStage implements EventHandler<GatewayEvent>
{
    private final RoutingConfig config;
    private final SymbolTable symbols;
    private final String[] names;
    private final BrokerPool pool;
    private final FailoverChain chain;
    private final Router defaultRouter;
    private final Int2ObjectHashMap<Router> accountRouters = new Int2ObjectHashMap<>();
    private final Router[] symbolRouters;
    /** A timeout's decisions at most: TIMEOUT, FAILURE_COUNTED, BREAKER_OPEN and the chain's switch. */
    private static final int DECISIONS_PER_TIMEOUT = 4;
    private final Long2LongHashMap routedAt = new Long2LongHashMap(Long.MIN_VALUE);
    private final Long2LongHashMap routedTo = new Long2LongHashMap(-1);
    private final Consumer<ExecutionStatus> statusListener;
    private long[] expired = new long[64];
    private int expiredCount;
    private long now;
    private long ticks;
    private static final int STATUS_EVERY_TICKS = 10;
    private final org.agrona.collections.LongLongConsumer timeoutScan = this::checkTimeout;

    /**
     * @param config         policies, chain, thresholds, periods, budgets.
     * @param symbols        for per-symbol policies.
     * @param names          broker names (for the status).
     * @param capabilities   what each broker accepts.
     * @param statusListener receives a new {@link ExecutionStatus} on every tick and switch (may be null).
     */
    public RouteStage(final RoutingConfig config, final SymbolTable symbols, final String[] names,
        final BrokerCapabilities[] capabilities, final Consumer<ExecutionStatus> statusListener)
    {
        final List<String> problems = config.problems(capabilities.length);
        if (!problems.isEmpty())
        {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.config = config;
        this.symbols = symbols;
        this.names = names.clone();
        this.statusListener = statusListener;
        pool = new BrokerPool(config, capabilities);
        chain = new FailoverChain(config);
        defaultRouter = Router.create(config.defaultPolicy(), config);
        config.accountPolicies()
            .forEach((account, policy) -> accountRouters.put(account.intValue(), Router.create(policy, config)));
        symbolRouters = new Router[symbols.size()];
        config.symbolPolicies().forEach((symbol, policy) ->
        {
            final int id = symbols.id(symbol);
            if (id < 0)
            {
                throw new IllegalArgumentException("routing.symbolPolicies: unknown symbol " + symbol);
            }
            symbolRouters[id] = Router.create(policy, config);
        });
    }

    /**
     * A route stage with one policy and defaults for everything else (tests and benchmarks).
     *
     * @param policy  the policy.
     * @param brokers how many brokers (each takes everything).
     * @return the stage.
     */
    public static RouteStage simple(final RoutingPolicy policy, final int brokers)
    {
        return takingEverything(RoutingConfig.defaults(brokers).withPolicy(policy), new SymbolTable(List.of()));
    }

    /**
     * A route stage whose brokers ("broker-N") each take every order: for replaying a journal, where
     * the brokers' capabilities are not recorded (the journaled choice of broker is replayed, not made again).
     *
     * @param config  the routing configuration.
     * @param symbols the symbols.
     * @return the stage.
     */
    public static RouteStage takingEverything(final RoutingConfig config, final SymbolTable symbols)
    {
        final int brokers = config.chain().size();
        final BrokerCapabilities[] caps = new BrokerCapabilities[brokers];
        final String[] names = new String[brokers];
        for (int b = 0; b < brokers; b++)
        {
            caps[b] = BrokerCapabilities.everything();
            names[b] = "broker-" + b;
        }
        return new RouteStage(config, symbols, names, caps, null);
    }

    @Override
    public void onEvent(final GatewayEvent e, final long sequence, final boolean endOfBatch)
    {
        final RoutingChanges changes = e.routingChanges;
        changes.clear();
        if (e.timestamp > now)
        {
            now = e.timestamp; // event time never runs backwards here, even if producers' stamps interleave
        }
        switch (e.type)
        {
            case NEW_ORDER: route(e); break;
            case BROKER_ACK: answered(e, true); break;
            case BROKER_FILL:
            case BROKER_CANCELED:
            case BROKER_EXPIRED:
            case BROKER_REPLACED: answered(e, false); break;
            case BROKER_REJECT: rejected(e); break;
            case TICK: tick(changes); break;
            case PROBE_RESULT:
                if (e.brokerId >= 0 && e.brokerId < pool.size())
                {
                    chain.onProbe(e.brokerId, e.healthy, now, pool, changes);
                }
                break;
            case ROUTING_COMMAND: command(e, changes); break;
            case BROKER_TERMS:
                if (e.brokerId >= 0 && e.brokerId < pool.size())
                {
                    pool.terms(e.brokerId, (io.ordergateway.journal.BrokerTermsRecord)e.attachment);
                }
                break;
            case SETTINGS: weights(((io.ordergateway.core.settings.RuntimeSettings)e.attachment).weights()); break;
            case BROKER_BUDGET:
                if (e.brokerId >= 0 && e.brokerId < pool.size())
                {
                    pool.brokerBudget(e.brokerId, e.budgetRemaining, e.budgetResetNanos);
                }
                break;
            default: break;
        }
        if (changes.size() > 0 && hasSwitch(changes))
        {
            publishStatus();
        }
    }

    private void route(final GatewayEvent e)
    {
        if (e.isDenied())
        {
            return;
        }
        if (e.brokerId >= 0 && e.brokerId < pool.size())
        {
            // replaying the journal: the broker was chosen then; keep the books as the live stage did
            record(e.orderId, e.brokerId);
            return;
        }
        if (chain.paused())
        {
            e.deny(RejectReason.GATEWAY_PAUSED, DetailField.BROKER, -1, 0);
            return;
        }
        final Router router = routerFor(e);
        final int broker = router.route(e, now, pool, chain);
        if (broker < 0)
        {
            e.deny(RejectReason.NO_BROKER_AVAILABLE, DetailField.BROKER, -1, 0);
            return;
        }
        record(e.orderId, broker);
        e.brokerId = broker;
        e.routingPolicyCode = router.policy().code();
    }

    private void record(final long orderId, final int broker)
    {
        pool.onRouted(broker, now);
        routedAt.put(orderId, now);
        routedTo.put(orderId, broker);
    }

    private void weights(final List<Integer> weights)
    {
        if (defaultRouter instanceof io.ordergateway.core.routing.WeightedSplitRouter w)
        {
            w.weights(weights);
        }
        accountRouters.values().forEach(r ->
        {
            if (r instanceof io.ordergateway.core.routing.WeightedSplitRouter w)
            {
                w.weights(weights);
            }
        });
        for (final Router r : symbolRouters)
        {
            if (r instanceof io.ordergateway.core.routing.WeightedSplitRouter w)
            {
                w.weights(weights);
            }
        }
    }

    private Router routerFor(final GatewayEvent e)
    {
        if (e.symbolId >= 0 && e.symbolId < symbolRouters.length && symbolRouters[e.symbolId] != null)
        {
            return symbolRouters[e.symbolId];
        }
        final Router byAccount = accountRouters.get(e.accountId);
        return byAccount != null ? byAccount : defaultRouter;
    }

    private void answered(final GatewayEvent e, final boolean ack)
    {
        if (e.brokerId < 0 || e.brokerId >= pool.size())
        {
            return;
        }
        final long sentAt = routedAt.remove(e.orderId);
        if (sentAt != Long.MIN_VALUE)
        {
            routedTo.remove(e.orderId);
            pool.onAnswered(e.brokerId, ack && !e.fromReconciliation ? now - sentAt : -1);
        }
        if (e.fromReconciliation)
        {
            return; // found by reconciliation at start-up: it tells of the past, not of the broker's health now
        }
        if (ack)
        {
            pool.countAck(e.brokerId);
        }
        else if (e.type == EventType.BROKER_FILL)
        {
            pool.countFill(e.brokerId);
        }
        success(e.brokerId, e.routingChanges);
    }

    private void rejected(final GatewayEvent e)
    {
        if (e.brokerId < 0 || e.brokerId >= pool.size())
        {
            return;
        }
        if (e.command == CommandKind.NEW && routedAt.remove(e.orderId) != Long.MIN_VALUE)
        {
            routedTo.remove(e.orderId);
            pool.onAnswered(e.brokerId, -1);
        }
        if (e.fromReconciliation)
        {
            return;
        }
        final RejectReason reason = e.brokerReason;
        if (reason == RejectReason.CONNECTION_ERROR || reason == RejectReason.SERVICE_UNAVAILABLE
            || reason == RejectReason.AUTHENTICATION_FAILED)
        {
            failure(e.brokerId, e.routingChanges, false);
        }
        else
        {
            pool.countReject(e.brokerId);
            success(e.brokerId, e.routingChanges);
        }
    }

    private void success(final int broker, final RoutingChanges changes)
    {
        final CircuitBreaker breaker = pool.breaker(broker);
        final int failures = breaker.failures();
        if (breaker.onSuccess())
        {
            changes.add(RoutingChangeKind.BREAKER_CLOSED, broker, -1, 0);
            chain.onAvailable(broker, pool, changes);
        }
        else if (failures > 0 && breaker.failures() == 0)
        {
            changes.add(RoutingChangeKind.SUCCESS_RESET, broker, -1, 0);
        }
    }

    private void failure(final int broker, final RoutingChanges changes, final boolean timeout)
    {
        pool.countFailure(broker, timeout);
        final CircuitBreaker breaker = pool.breaker(broker);
        final boolean opened = breaker.onFailure(now);
        changes.add(RoutingChangeKind.FAILURE_COUNTED, broker, -1, breaker.failures());
        if (opened)
        {
            changes.add(RoutingChangeKind.BREAKER_OPEN, broker, -1, breaker.failures());
            chain.onUnavailable(broker, now, pool, changes);
        }
    }

    private void tick(final RoutingChanges changes)
    {
        expiredCount = 0;
        routedAt.forEachLong(timeoutScan);
        for (int i = 0; i < expiredCount; i++)
        {
            if (changes.size() + DECISIONS_PER_TIMEOUT > RoutingChanges.CAPACITY)
            {
                break; // the event holds no more decisions: the rest stay due, and the next tick takes them
            }
            final long orderId = expired[i];
            routedAt.remove(orderId);
            final int broker = (int)routedTo.remove(orderId);
            pool.onAnswered(broker, -1);
            changes.add(RoutingChangeKind.TIMEOUT, broker, -1, orderId);
            failure(broker, changes, true);
        }
        for (int b = 0; b < pool.size(); b++)
        {
            if (pool.breaker(b).onTick(now))
            {
                changes.add(RoutingChangeKind.BREAKER_HALF_OPEN, b, -1, 0);
                chain.onAvailable(b, pool, changes);
            }
        }
        chain.onTick(now, changes);
        pool.countTick();
        if (++ticks % STATUS_EVERY_TICKS == 1)
        {
            publishStatus(); // a fresh copy about once a second (at the default tick); switches publish at once
        }
    }

    private void checkTimeout(final long orderId, final long sentAt)
    {
        if (now - sentAt >= config.sendTimeoutNanos())
        {
            if (expiredCount == expired.length)
            {
                expired = java.util.Arrays.copyOf(expired, expired.length * 2); // only under a mass timeout
            }
            expired[expiredCount++] = orderId;
        }
    }

    private void command(final GatewayEvent e, final RoutingChanges changes)
    {
        if (e.routingCommand == RoutingCommand.RESUME)
        {
            chain.resume(pool, changes);
            return;
        }
        final int b = e.brokerId;
        if (b < 0 || b >= pool.size() || e.routingCommand == null)
        {
            return;
        }
        switch (e.routingCommand)
        {
            case FORCE_ACTIVE:
                pool.enable(b, true);
                chain.force(b, pool, changes);
                break;
            case DISABLE:
                pool.enable(b, false);
                changes.add(RoutingChangeKind.DISABLED, b, -1, 0);
                chain.onUnavailable(b, now, pool, changes);
                break;
            default:
                pool.enable(b, true);
                changes.add(RoutingChangeKind.ENABLED, b, -1, 0);
                chain.onAvailable(b, pool, changes);
                break;
        }
    }

    private static boolean hasSwitch(final RoutingChanges changes)
    {
        for (int i = 0; i < changes.size(); i++)
        {
            if (changes.kind(i).isSwitch() || changes.kind(i) == RoutingChangeKind.BREAKER_OPEN)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Publishes the execution status now: after a restore (the replay's last status may be up to
     * ten ticks old), on the thread that owns this stage.
     */
    public void publishStatus()
    {
        if (statusListener != null)
        {
            statusListener.accept(status());
        }
    }

    /**
     * @return the current status (allocates: call on ticks and switches, not per order).
     */
    public ExecutionStatus status()
    {
        final List<String> backups = new ArrayList<>();
        for (int i = 1; i < chain.length(); i++)
        {
            backups.add(names[chain.at(i)]);
        }
        final List<ExecutionStatus.Broker> lines = new ArrayList<>();
        for (int b = 0; b < pool.size(); b++)
        {
            lines.add(pool.statusLine(b, names[b], !pool.enabled(b) ? "DISABLED" : b == chain.active()
                && !chain.paused() ? "ACTIVE" : "STANDBY"));
        }
        return new ExecutionStatus(now, names[chain.active()], names[chain.primary()], backups, chain.paused(), lines);
    }

    /**
     * @return the failover chain (for the timer, which runs the probes it asks for).
     */
    public FailoverChain chain()
    {
        return chain;
    }

    /**
     * @return the broker pool.
     */
    public BrokerPool pool()
    {
        return pool;
    }
}
