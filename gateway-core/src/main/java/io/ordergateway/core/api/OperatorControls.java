package io.ordergateway.core.api;

import io.ordergateway.core.agent.ThreadingMode;
import io.ordergateway.core.pipeline.EventType;
import io.ordergateway.core.risk.TradingControl;
import io.ordergateway.core.routing.RoutingCommand;
import io.ordergateway.core.state.PortfolioSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * What an operator does to a running gateway, beside the strategy's orders: the kill switch and
 * reduce-only, brokers taken out of routing, put back or made active, ending a pause, cancelling
 * everything that works, and flattening. Each is an event in the ring (so it is journaled and
 * replayed) that may use the reserve kept for broker events. {@code gateway.controls()}; safe from
 * any thread.
 */
public final class OperatorControls
{
    /**
     * The strategy id of the closing orders {@link #flatten} sends: the journal's {@code OrderNew} records carry it,
     * so a flatten's orders are told apart from the strategies' (which use ids from 0).
     */
    public static final int FLATTEN_STRATEGY = -2;

    private static final Logger LOG = LoggerFactory.getLogger(OperatorControls.class);

    private final OrderGateway gateway;
    private final GatewayAssembly parts;
    private final Thread builder = Thread.currentThread(); // INVOKER mode: the thread that invokes

    OperatorControls(final OrderGateway gateway, final GatewayAssembly parts)
    {
        this.gateway = gateway;
        this.parts = parts;
    }

    /**
     * Switches the kill switch on or off: while on, new orders and replaces are denied with
     * KILL_SWITCH (cancels still pass). Journaled. See {@link #cancelAllOpen} to also pull what is working.
     *
     * @param accountId the account, or -1 for every account.
     * @param engaged   on or off.
     * @return whether the control entered the ring.
     */
    public SubmitResult killSwitch(final int accountId, final boolean engaged)
    {
        final SubmitResult result = control(TradingControl.KILL_SWITCH, accountId, engaged);
        if (result == SubmitResult.ACCEPTED)
        {
            parts.alerts.killSwitchChanged();
            LOG.warn("ALERT gateway {}: kill switch {} for {}", parts.instanceId, engaged ? "ENGAGED" : "released",
                accountId < 0 ? "every account" : "account " + accountId);
        }
        return result;
    }

    /**
     * Puts an account (or all) in reduce-only: only orders that shrink a position pass. Journaled.
     *
     * @param accountId the account, or -1 for every account.
     * @param engaged   on or off.
     * @return whether the control entered the ring.
     */
    public SubmitResult reduceOnly(final int accountId, final boolean engaged)
    {
        return control(TradingControl.REDUCE_ONLY, accountId, engaged);
    }

    private SubmitResult control(final TradingControl control, final int accountId, final boolean engaged)
    {
        return parts.commands.operatorEvent(EventType.CONTROL, e ->
        {
            e.control = control;
            e.accountId = accountId;
            e.controlEngaged = engaged;
        });
    }

    /**
     * Makes a broker the active one (an operator's command; journaled).
     *
     * @param brokerId the broker.
     * @return whether the command entered the ring.
     */
    public SubmitResult forceActive(final int brokerId)
    {
        return routingCommand(RoutingCommand.FORCE_ACTIVE, brokerId);
    }

    /**
     * Takes a broker out of routing (journaled). Orders it holds stay with it.
     *
     * @param brokerId the broker.
     * @return whether the command entered the ring.
     */
    public SubmitResult disableBroker(final int brokerId)
    {
        return routingCommand(RoutingCommand.DISABLE, brokerId);
    }

    /**
     * Puts a broker back into routing (journaled).
     *
     * @param brokerId the broker.
     * @return whether the command entered the ring.
     */
    public SubmitResult enableBroker(final int brokerId)
    {
        return routingCommand(RoutingCommand.ENABLE, brokerId);
    }

    /**
     * Ends a pause (every broker was down, or the active one with failover off): the active broker, or
     * the first in the chain that can take orders, takes new orders again. With {@code
     * routing.resumeAfterPause: manual} this (or {@link #forceActive} to a broker that can take orders) is
     * the only way a pause ends; with {@code auto} the gateway resumes by itself when a broker comes back.
     * Nothing changes when the gateway is not paused, or while no broker can take orders yet (see
     * {@link OrderGateway#executionStatus()}). Journaled as a routing command.
     *
     * @return whether the command entered the ring.
     */
    public SubmitResult resume()
    {
        final SubmitResult result = parts.commands.operatorEvent(EventType.ROUTING_COMMAND, e ->
        {
            e.routingCommand = RoutingCommand.RESUME;
            e.brokerId = -1;
        });
        LOG.warn("ALERT gateway {}: an operator resumes trading: {}", parts.instanceId, result);
        return result;
    }

    private SubmitResult routingCommand(final RoutingCommand command, final int brokerId)
    {
        if (brokerId < 0 || brokerId >= parts.brokers.length)
        {
            throw new IllegalArgumentException("no broker " + brokerId + ": the gateway has " + parts.brokers.length);
        }
        return parts.commands.operatorEvent(EventType.ROUTING_COMMAND, e ->
        {
            e.routingCommand = command;
            e.brokerId = brokerId;
        });
    }

    /**
     * Asks to cancel every open order of an account (or all), e.g. after engaging the kill switch.
     * Not for the hot path: takes a snapshot, then sends one cancel per order, retrying while the
     * ring is full (for up to {@code timeoutMillis}).
     *
     * @param accountId     the account, or -1 for every account.
     * @param timeoutMillis how long to keep trying.
     * @return how many cancels entered the ring.
     * @throws Exception if the snapshot could not be taken in time.
     */
    public int cancelAllOpen(final int accountId, final long timeoutMillis) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        final PortfolioSnapshot snapshot = gateway.await(gateway.snapshot(), timeoutMillis);
        int sent = 0;
        for (final PortfolioSnapshot.OrderLine line : snapshot.openOrders())
        {
            if (accountId >= 0 && line.accountId() != accountId)
            {
                continue;
            }
            SubmitResult result;
            while ((result = gateway.cancel(line.orderId())) == SubmitResult.RING_FULL && System.nanoTime() < deadline)
            {
                if (parts.threads.mode() == ThreadingMode.INVOKER)
                {
                    gateway.invoker().invoke();
                }
                Thread.onSpinWait();
            }
            if (result == SubmitResult.ACCEPTED)
            {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Flattens an account, a symbol, an account's symbol, or everything: cancels every open order there,
     * waits until they are finished (cancelled, or filled meanwhile), then sends for each position left
     * one MARKET order (day) of the opposite side for its size, with strategy id {@link #FLATTEN_STRATEGY},
     * through {@link OrderGateway#submit}. The closing orders are checked, throttled, routed and journaled
     * as any order: the flatten is in the journal as its {@code OrderCancel} and {@code OrderNew} records
     * (there is no record of the request itself). Not for the hot path.
     *
     * <p>Closing orders pass reduce-only (they shrink the position, and the cancels were waited for, so
     * the open orders no longer count against them); the kill switch denies them as it denies every new
     * order, so release it first (cancels pass it). Other limits still apply (the order quantity limit,
     * throttles, market hours). A position whose orders were still open when the time ran out is held
     * back ({@link FlattenResult#HELD_BACK}): a late fill could otherwise turn the close into a position
     * the other way. Positions are the gateway's view per account; the closing order goes where routing
     * sends it (after a failover, that may not be the broker that holds the position).
     *
     * <p>Threads: from any thread. In INVOKER mode, from the thread that built the gateway it drives the
     * stages itself while it waits; from any other thread it waits for that thread to invoke.
     *
     * @param accountId     the account, or -1 for every account.
     * @param symbol        the symbol, or null for every symbol.
     * @param timeoutMillis how long to wait for the snapshots and the cancels.
     * @return what was sent.
     * @throws IllegalArgumentException for an unknown symbol or an account below -1.
     * @throws Exception if the first snapshot could not be taken in time (nothing was sent then).
     */
    public FlattenResult flatten(final int accountId, final String symbol, final long timeoutMillis) throws Exception
    {
        if (accountId < -1)
        {
            throw new IllegalArgumentException("account: expected an account id (0 or more), or -1 for every account; "
                + "got " + accountId);
        }
        if (symbol != null && gateway.symbolId(symbol) < 0)
        {
            throw new IllegalArgumentException("symbol: no instrument " + symbol + "; the gateway trades "
                + parts.symbols.names());
        }
        final boolean invoke = parts.threads.mode() == ThreadingMode.INVOKER && Thread.currentThread() == builder;
        final FlattenResult result = new Flattener(gateway, invoke).run(accountId, symbol, timeoutMillis);
        LOG.warn("ALERT gateway {}: flatten of {} {}: {} cancels, closing orders {}, {} held back", parts.instanceId,
            accountId < 0 ? "every account" : "account " + accountId, symbol == null ? "every symbol" : symbol,
            result.cancelsSent(), result.closingOrderIds(),
            result.closes().stream().filter(c -> FlattenResult.HELD_BACK.equals(c.outcome())).count());
        return result;
    }
}
