package io.ordergateway.adapters.sim;

import io.ordergateway.core.broker.BrokerAccount;
import io.ordergateway.core.broker.BrokerFill;
import io.ordergateway.core.broker.BrokerOrder;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.ScaledMath;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.journal.FixedPoint;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated broker's books beyond its working orders: cash, the executions it made and the
 * orders that ended, so it can answer account, fill and closed-order questions like a real broker.
 * Owned by the broker's agent thread (questions are answered on it). A simulator's choice: it keeps
 * the last {@link #KEPT} of each, and allocates a record per execution and per finished order.
 */
final class SimLedger
{
    /** How many executions and finished orders it remembers. */
    static final int KEPT = 100_000;
    /** The account's cash before any trade: 1,000,000.00. */
    static final long STARTING_CASH = 1_000_000L * FixedPoint.PRICE_SCALE;

    private final String broker;
    private final ArrayDeque<BrokerFill> fills = new ArrayDeque<>();
    private final ArrayDeque<BrokerOrder> closed = new ArrayDeque<>();
    private long cash = STARTING_CASH;

    /**
     * @param broker the broker's name, for the account's answers.
     */
    SimLedger(final String broker)
    {
        this.broker = broker;
    }

    /**
     * @param o          the order.
     * @param symbol     its symbol.
     * @param fillId     the execution's id.
     * @param quantity   executed.
     * @param price      at this price.
     * @param epochNanos when.
     */
    void filled(final SimOrder o, final String symbol, final long fillId, final long quantity, final long price,
        final long epochNanos)
    {
        final long notional = ScaledMath.notional(quantity, price);
        cash += o.side == Side.BUY ? -notional : notional;
        keep(fills, new BrokerFill(Long.toString(fillId), Long.toString(o.orderId), symbol, o.side, quantity, price,
            time(epochNanos)));
    }

    /**
     * @param o           an order that ended.
     * @param symbol      its symbol.
     * @param clientOrderId its client order id.
     * @param state       how it ended.
     * @param epochNanos  when it was submitted.
     */
    void closed(final SimOrder o, final String symbol, final String clientOrderId, final OrderState state,
        final long epochNanos)
    {
        keep(closed, order(o, symbol, clientOrderId, state, epochNanos));
    }

    /**
     * @param o             an order.
     * @param symbol        its symbol.
     * @param clientOrderId its client order id.
     * @param state         its state.
     * @param epochNanos    when it was submitted.
     * @return the order as a listing shows it.
     */
    static BrokerOrder order(final SimOrder o, final String symbol, final String clientOrderId, final OrderState state,
        final long epochNanos)
    {
        return new BrokerOrder(clientOrderId, Long.toString(o.orderId), symbol, o.side,
            o.type.name().toLowerCase(java.util.Locale.ROOT), state, o.quantity, o.filled,
            o.filled == 0 ? FixedPoint.NULL : ScaledMath.averagePrice(o.filledNotional, o.filled), o.limitPrice,
            time(epochNanos));
    }

    /**
     * @param symbols   the symbols.
     * @param positions the broker's positions by symbol id.
     * @param prices    its reference prices by symbol id.
     * @return cash, buying power (cash: the simulator has no margin) and equity (cash and positions at the reference
     *         prices).
     */
    BrokerAccount account(final SymbolTable symbols, final long[] positions, final long[] prices)
    {
        long equity = cash;
        for (int s = 0; positions != null && s < positions.length; s++)
        {
            equity += ScaledMath.notional(positions[s], prices[s]);
        }
        return new BrokerAccount(broker, "SIM-" + broker, "USD", cash, Math.max(0, cash), equity,
            System.currentTimeMillis());
    }

    /**
     * @param fromMillis from (inclusive).
     * @param toMillis   to (exclusive).
     * @return the executions in the range, oldest first.
     */
    List<BrokerFill> fills(final long fromMillis, final long toMillis)
    {
        final List<BrokerFill> out = new ArrayList<>();
        for (final BrokerFill f : fills)
        {
            if (within(f.time(), fromMillis, toMillis))
            {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * @param fromMillis from (inclusive).
     * @param toMillis   to (exclusive).
     * @param into       where the orders that ended in the range go, oldest first.
     */
    void closedOrders(final long fromMillis, final long toMillis, final List<BrokerOrder> into)
    {
        for (final BrokerOrder o : closed)
        {
            if (within(o.submittedAt(), fromMillis, toMillis))
            {
                into.add(o);
            }
        }
    }

    static boolean within(final String time, final long fromMillis, final long toMillis)
    {
        final long at = Instant.parse(time).toEpochMilli();
        return at >= fromMillis && at < toMillis;
    }

    private static String time(final long epochNanos)
    {
        return Instant.ofEpochSecond(0, epochNanos).toString();
    }

    private static <T> void keep(final ArrayDeque<T> list, final T item)
    {
        if (list.size() == KEPT)
        {
            list.pollFirst();
        }
        list.addLast(item);
    }
}
