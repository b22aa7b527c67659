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
 * reduce-only, brokers taken out of routing, put back or made active, and cancelling everything
 * that works. Each is an event in the ring (so it is journaled and replayed) that may use the
 * reserve kept for broker events. {@code gateway.controls()}; safe from any thread.
 */
public final class OperatorControls
{
    private static final Logger LOG = LoggerFactory.getLogger(OperatorControls.class);

    private final OrderGateway gateway;
    private final GatewayAssembly parts;

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
}
