package io.ordergateway.core.pipeline;

import io.ordergateway.core.broker.OrderCommand;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.DetailField;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.journal.FixedPoint;

/**
 * One slot of the ring: preallocated, reused, never escaping. A producer fills the input part and
 * stamps the time; each stage then adds its decision in the order the stages run, so the journal
 * stage can write the event together with every decision taken on it.
 *
 * <p>Fields are public for the stages' sake (as in the Disruptor's own examples); nothing outside
 * the pipeline sees a slot except adapters, through the read-only {@link OrderCommand} view during a
 * send call.
 */
public final class GatewayEvent implements OrderCommand
{
    // ---- input, written by the producer ----
    /** What kind of event. */
    public EventType type;
    /** Event time, epoch nanoseconds, from the producer: the only clock the stages use. */
    public long timestamp;
    /** Monotonic nanos at publication, for latency measurement only (never for decisions). */
    public long ingressNanos;
    /** The gateway's order id (for cancel and replace: the order to act on). */
    public long orderId;
    /** Account. */
    public int accountId;
    /** Strategy. */
    public int strategyId;
    /** Interned symbol. */
    public int symbolId;
    /** Side. */
    public Side side;
    /** Order type. */
    public OrderType orderType;
    /** Time in force. */
    public TimeInForce timeInForce;
    /** Order class. */
    public OrderClass orderClass;
    /** Extended hours allowed. */
    public boolean extendedHours;
    /** Quantity (the new total for a replace). */
    public long quantity;
    /** Limit price or NULL. */
    public long limitPrice;
    /** Stop price or NULL. */
    public long stopPrice;
    /** Trail amount or NULL. */
    public long trailPrice;
    /** Trail percent or NULL. */
    public long trailPercent;
    /** Take-profit limit or NULL. */
    public long takeProfitLimitPrice;
    /** Stop-loss stop or NULL. */
    public long stopLossStopPrice;
    /** Stop-loss limit or NULL. */
    public long stopLossLimitPrice;
    /** Broker events: which command the broker refers to (for rejects). */
    public CommandKind command;
    /** Broker events: the reporting broker; commands: set by routing (new) or the state stage (cancel/replace). */
    public int brokerId;
    /** Broker's order id (ack). */
    public long brokerOrderId;
    /** Broker's execution id (fill). */
    public long fillId;
    /** Executed quantity (fill). */
    public long lastQuantity;
    /** Execution price (fill). */
    public long lastPrice;
    /** Broker's own error code (reject). */
    public int brokerCode;
    /** Standard reason (broker reject). */
    public RejectReason brokerReason;
    /** A fill the gateway learnt of by reconciling with the broker, not from its stream (journaled as such). */
    public boolean fromReconciliation;
    /** Snapshot request to answer (SNAPSHOT only). */
    public Object attachment;
    /** Which control (CONTROL only); the account is {@link #accountId}, -1 for all. */
    public io.ordergateway.core.risk.TradingControl control;
    /** Whether the control is switched on (CONTROL only). */
    public boolean controlEngaged;
    /** The operator's routing command (ROUTING_COMMAND only); the broker is {@link #brokerId}. */
    public io.ordergateway.core.routing.RoutingCommand routingCommand;
    /** The probe's answer (PROBE_RESULT only); the broker is {@link #brokerId}. */
    public boolean healthy;
    /** Requests left in the broker's window (BROKER_BUDGET only). */
    public long budgetRemaining;
    /** When the broker's window resets, epoch nanos (BROKER_BUDGET only). */
    public long budgetResetNanos;
    /** The {@code DifferenceKind} code (RECONCILE_DIFFERENCE only; the quantities are quantity and lastQuantity). */
    public int differenceKind;
    /** The {@code DifferencePolicy} code applied (RECONCILE_DIFFERENCE only). */
    public int differencePolicy;

    // ---- decisions, written by validate / throttle / route / state ----
    /** Why the command was denied, or null. */
    public RejectReason denyReason;
    /** Which field or limit. */
    public DetailField denyField;
    /** The offending value. */
    public long denyValue;
    /** The bound it broke. */
    public long denyBound;
    /** The routing policy that chose the broker. */
    public int routingPolicyCode;
    /** What the route stage decided about brokers on this event (failures, breakers, failover, pause...). */
    public final io.ordergateway.core.routing.RoutingChanges routingChanges =
        new io.ordergateway.core.routing.RoutingChanges();

    // ---- outcome, written by the state stage ----
    /** The order's state after this event (null when no order is involved). */
    public OrderState stateAfter;
    /** Why a broker event was not applied. */
    public EventRefusal refusal;
    /** Filled so far. */
    public long cumQuantity;
    /** Still open. */
    public long leavesQuantity;
    /** Average fill price. */
    public long avgPrice;
    /** Monotonic nanos of the original submit, copied from the order for latency measurement. */
    public long orderSubmitNanos;

    /**
     * Clears the slot before a producer fills it.
     */
    public void reset()
    {
        type = null;
        timestamp = 0;
        ingressNanos = 0;
        orderId = 0;
        accountId = 0;
        strategyId = 0;
        symbolId = -1;
        side = null;
        orderType = null;
        timeInForce = null;
        orderClass = null;
        extendedHours = false;
        quantity = 0;
        limitPrice = FixedPoint.NULL;
        stopPrice = FixedPoint.NULL;
        trailPrice = FixedPoint.NULL;
        trailPercent = FixedPoint.NULL;
        takeProfitLimitPrice = FixedPoint.NULL;
        stopLossStopPrice = FixedPoint.NULL;
        stopLossLimitPrice = FixedPoint.NULL;
        command = null;
        brokerId = -1;
        brokerOrderId = 0;
        fillId = 0;
        lastQuantity = 0;
        lastPrice = FixedPoint.NULL;
        brokerCode = 0;
        brokerReason = null;
        fromReconciliation = false;
        attachment = null;
        control = null;
        controlEngaged = false;
        routingCommand = null;
        healthy = false;
        budgetRemaining = 0;
        budgetResetNanos = 0;
        differenceKind = 0;
        differencePolicy = 0;
        routingChanges.clear();
        denyReason = null;
        denyField = DetailField.NONE;
        denyValue = 0;
        denyBound = 0;
        routingPolicyCode = 0;
        stateAfter = null;
        refusal = EventRefusal.NONE;
        cumQuantity = 0;
        leavesQuantity = 0;
        avgPrice = 0;
        orderSubmitNanos = 0;
    }

    /**
     * Marks the command denied. The first denial wins: later stages skip denied events.
     *
     * @param reason why.
     * @param field  which field or limit.
     * @param value  the offending value.
     * @param bound  the bound it broke.
     */
    public void deny(final RejectReason reason, final DetailField field, final long value, final long bound)
    {
        if (denyReason == null)
        {
            denyReason = reason;
            denyField = field;
            denyValue = value;
            denyBound = bound;
        }
    }

    /**
     * @return true when a stage denied this command.
     */
    public boolean isDenied()
    {
        return denyReason != null;
    }

    @Override
    public CommandKind command()
    {
        switch (type)
        {
            case NEW_ORDER: return CommandKind.NEW;
            case CANCEL: return CommandKind.CANCEL;
            case REPLACE: return CommandKind.REPLACE;
            default: return command;
        }
    }

    @Override
    public long orderId()
    {
        return orderId;
    }

    @Override
    public int symbolId()
    {
        return symbolId;
    }

    @Override
    public Side side()
    {
        return side;
    }

    @Override
    public OrderType orderType()
    {
        return orderType;
    }

    @Override
    public TimeInForce timeInForce()
    {
        return timeInForce;
    }

    @Override
    public OrderClass orderClass()
    {
        return orderClass;
    }

    @Override
    public long quantity()
    {
        return quantity;
    }

    @Override
    public long limitPrice()
    {
        return limitPrice;
    }

    @Override
    public long stopPrice()
    {
        return stopPrice;
    }

    @Override
    public long trailPrice()
    {
        return trailPrice;
    }

    @Override
    public long trailPercent()
    {
        return trailPercent;
    }

    @Override
    public long takeProfitLimitPrice()
    {
        return takeProfitLimitPrice;
    }

    @Override
    public long stopLossStopPrice()
    {
        return stopLossStopPrice;
    }

    @Override
    public long stopLossLimitPrice()
    {
        return stopLossLimitPrice;
    }

    @Override
    public boolean extendedHours()
    {
        return extendedHours;
    }
}
