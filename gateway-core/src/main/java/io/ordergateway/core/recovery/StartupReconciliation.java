package io.ordergateway.core.recovery;

import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerOrderStatus;
import io.ordergateway.core.broker.BrokerStatement;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.ScaledMath;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.state.PortfolioSnapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;

/**
 * At start, after the journal is replayed: asks each broker about every order the journal still
 * has working, and plans the events that bring the journal up to what the broker knows: the
 * acknowledgement of an order that was in flight, fills the journal lacks (with the broker's own
 * fill ids, so a late copy of the same fill is refused as a duplicate), a cancel or reject that
 * happened meanwhile, and a reject (CONNECTION_ERROR) for an order that never reached the broker,
 * so it can be sent again without doubling. Then compares each broker's positions with the
 * journal's plus the planned fills. Whatever it cannot explain is listed; the gateway stops its
 * start on it unless configured to warn.
 *
 * <p>Runs on the owner thread before the pipeline starts (it reads the restored books directly).
 */
public final class StartupReconciliation
{
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StartupReconciliation.class);

    /** What the plan does. */
    public enum ActionType
    {
        /** The broker acknowledged an order the journal has in flight. */
        ACK,
        /** A fill the journal lacks. */
        FILL,
        /** The broker canceled the order. */
        CANCELED,
        /** The broker rejected it, or never received it (reason CONNECTION_ERROR). */
        REJECT,
        /** The order expired at the broker. */
        EXPIRED,
        /**
         * A cancel the journal has pending never took effect at the broker (lost in a crash): refused, the order works
         * on.
         */
        CANCEL_LOST,
        /** A replace the journal has pending never took effect at the broker: refused, the order works on unchanged. */
        REPLACE_LOST
    }

    /**
     * The broker order id journaled with an acknowledgement found by reconciliation (the broker's own id is not asked).
     */
    public static final long RECONCILED_BROKER_ORDER_ID = -1;

    /**
     * One event to publish.
     *
     * @param type          what.
     * @param brokerId      at which broker.
     * @param orderId       which order.
     * @param fillId        the broker's fill id (fills).
     * @param quantity      fill quantity.
     * @param price         fill price.
     * @param neverReceived for REJECT: the broker does not know the order at all.
     */
    public record Action(ActionType type, int brokerId, long orderId, long fillId, long quantity, long price,
        boolean neverReceived)
    {
    }

    /**
     * The outcome.
     *
     * @param actions     events to publish before the brokers connect.
     * @param unexplained differences the plan cannot explain.
     * @param asked       brokers that answered.
     */
    public record Plan(List<Action> actions, List<String> unexplained, int asked)
    {
    }

    /**
     * Tells whether the journal already has a fill.
     */
    @FunctionalInterface
    public interface KnownFills
    {
        /**
         * @param orderId an order.
         * @param fillId  a broker fill id.
         * @return true if the journal has it.
         */
        boolean contains(long orderId, long fillId);
    }

    private StartupReconciliation()
    {
    }

    /**
     * @param journal       the state replayed from the journal.
     * @param knownFills    the fills the journal has.
     * @param brokers       the adapters by id (they may be asked before they connect).
     * @param clientOrderIds how the brokers know the orders.
     * @param timeoutMillis how long to wait for each answer.
     * @return the plan.
     */
    public static Plan plan(
        final PortfolioSnapshot journal, final KnownFills knownFills, final BrokerAdapter[] brokers,
        final ClientOrderIds clientOrderIds, final long timeoutMillis)
    {
        return plan(journal, knownFills, brokers, clientOrderIds, timeoutMillis, false);
    }

    /**
     * @param journal        the state replayed from the journal.
     * @param knownFills     the fills the journal has.
     * @param brokers        the adapters by id (they may be asked before they connect).
     * @param clientOrderIds how the brokers know the orders.
     * @param timeoutMillis  how long to wait for each answer.
     * @param adoptExternal  true if the adapters adopt working orders the gateway never sent once they connect: such
     *                       an order, and what it filled, is then no difference.
     * @return the plan.
     */
    public static Plan plan(
        final PortfolioSnapshot journal, final KnownFills knownFills, final BrokerAdapter[] brokers,
        final ClientOrderIds clientOrderIds, final long timeoutMillis, final boolean adoptExternal)
    {
        final List<Action> actions = new ArrayList<>();
        final List<String> unexplained = new ArrayList<>();
        int asked = 0;
        for (int b = 0; b < brokers.length; b++)
        {
            final BrokerAdapter broker = brokers[b];
            final String who = broker.name() + " (broker " + b + ")";
            final int brokerId = b;
            final Map<String, Long> projected = new HashMap<>();
            journal.positions().stream().filter(p -> p.brokerId() == brokerId)
                .forEach(p -> projected.put(p.symbol(), p.quantity()));
            final Set<Long> journalOpen = new HashSet<>();
            final Map<String, Long> external = new HashMap<>(); // the broker's client order id of adopted orders
            try
            {
                for (final PortfolioSnapshot.OrderLine o : journal.openOrders())
                {
                    if (o.brokerId() != b)
                    {
                        continue;
                    }
                    journalOpen.add(o.orderId());
                    if (o.external())
                    {
                        external.put(o.brokerClientOrderId(), o.orderId());
                    }
                    final String clientOrderId = o.external() ? o.brokerClientOrderId()
                        : clientOrderIds.toString(o.orderId());
                    resolve(o, broker.queryOrder(o.orderId(), clientOrderId, o.symbol(), o.side(), o.cumQuantity(),
                        o.averagePrice(), timeoutMillis), b,
                        knownFills, actions, unexplained, projected, who);
                }
                final BrokerStatement statement;
                try
                {
                    statement = broker.queryStatement(b, timeoutMillis);
                }
                catch (final UnsupportedOperationException ex)
                {
                    // each order was asked about above; only positions and unknown orders go unchecked (FIX)
                    LOG.warn("{}: its orders were asked about one by one, but its positions cannot be ({})", who,
                        ex.getMessage());
                    continue;
                }
                asked++;
                for (final BrokerStatement.OpenOrder o : statement.openOrders())
                {
                    final long id = o.orderId() != 0 ? o.orderId()
                        : external.getOrDefault(o.clientOrderId(), clientOrderIds.parse(o.clientOrderId()));
                    if (journalOpen.contains(id))
                    {
                        continue;
                    }
                    if (adoptExternal && id <= 0)
                    {
                        // adopted once the adapter connects, with what it filled: the position will agree
                        projected.merge(o.symbol(), o.side() == Side.BUY ? o.filled() : -o.filled(), Long::sum);
                        continue;
                    }
                    unexplained.add(who + ": the broker has working order " + o.clientOrderId()
                        + " that the journal does not");
                }
                final Map<String, Long> theirs = new HashMap<>();
                statement.positions().forEach(p -> theirs.merge(p.symbol(), p.quantity(), Long::sum));
                final Set<String> symbols = new TreeSet<>(projected.keySet());
                symbols.addAll(theirs.keySet());
                for (final String symbol : symbols)
                {
                    final long ours = projected.getOrDefault(symbol, 0L);
                    final long at = theirs.getOrDefault(symbol, 0L);
                    if (ours != at)
                    {
                        unexplained.add(who + ": position in " + symbol + " is " + ours
                            + " by the journal (with reconciled fills) but " + at + " at the broker");
                    }
                }
            }
            catch (final UnsupportedOperationException ex)
            {
                unexplained.add(who + ": cannot be asked (" + ex.getMessage()
                    + "); its orders are as the journal says");
            }
            catch (final TimeoutException ex)
            {
                unexplained.add(who + ": did not answer within " + timeoutMillis + " ms");
            }
        }
        return new Plan(List.copyOf(actions), List.copyOf(unexplained), asked);
    }

    private static void resolve(
        final PortfolioSnapshot.OrderLine o, final BrokerOrderStatus status, final int brokerId,
        final KnownFills knownFills, final List<Action> actions, final List<String> unexplained, final Map<String,
        Long> projected, final String who)
    {
        // In flight: the broker never answered the new order (a cancel may have been asked for meanwhile).
        final boolean inFlight = o.state() == OrderState.PENDING_NEW || o.state() == OrderState.UNKNOWN
            || o.state() == OrderState.PENDING_CANCEL && !o.acknowledged();
        if (status == null)
        {
            if (inFlight)
            {
                // never reached it: safe to send again
                actions.add(new Action(ActionType.REJECT, brokerId, o.orderId(), 0, 0, 0, true));
            }
            else
            {
                unexplained.add(who + ": order " + o.orderId() + " is " + o.state()
                    + " in the journal but unknown to the broker");
            }
            return;
        }
        if (status.state() == OrderState.REJECTED)
        {
            if (inFlight)
            {
                actions.add(new Action(ActionType.REJECT, brokerId, o.orderId(), 0, 0, 0, false));
            }
            else
            {
                unexplained.add(who + ": order " + o.orderId() + " is " + o.state()
                    + " in the journal but rejected at the broker");
            }
            return;
        }
        if (inFlight)
        {
            actions.add(new Action(ActionType.ACK, brokerId, o.orderId(), 0, 0, 0, false));
        }
        long added = 0;
        for (final BrokerOrderStatus.Fill fill : status.fills())
        {
            if (!knownFills.contains(o.orderId(), fill.fillId()))
            {
                actions.add(new Action(ActionType.FILL, brokerId, o.orderId(), fill.fillId(), fill.quantity(),
                    fill.price(), false));
                added += fill.quantity();
            }
        }
        if (status.fills().isEmpty() && status.filled() > o.cumQuantity())
        {
            added += catchUp(o, status, brokerId, actions);
        }
        if (o.cumQuantity() + added != status.filled())
        {
            unexplained.add(who + ": order " + o.orderId() + " has " + (o.cumQuantity() + added)
                + " filled by the journal but " + status.filled() + " at the broker");
        }
        projected.merge(o.symbol(), o.side() == Side.BUY ? added : -added, Long::sum);
        final boolean working = status.state() == OrderState.NEW || status.state() == OrderState.PARTIALLY_FILLED;
        if (o.state() == OrderState.PENDING_CANCEL && working)
        {
            actions.add(new Action(ActionType.CANCEL_LOST, brokerId, o.orderId(), 0, 0, 0, false));
        }
        else if (o.state() == OrderState.PENDING_REPLACE && working)
        {
            if (status.quantity() == o.quantity())
            {
                actions.add(new Action(ActionType.REPLACE_LOST, brokerId, o.orderId(), 0, 0, 0, false));
            }
            else
            {
                unexplained.add(who + ": order " + o.orderId() + " has a replace pending in the journal and quantity "
                    + status.quantity() + " at the broker (journal: " + o.quantity()
                    + "): whether the replace happened is unknown");
            }
        }
        if (status.state() == OrderState.CANCELED)
        {
            actions.add(new Action(ActionType.CANCELED, brokerId, o.orderId(), 0, 0, 0, false));
        }
        else if (status.state() == OrderState.EXPIRED)
        {
            actions.add(new Action(ActionType.EXPIRED, brokerId, o.orderId(), 0, 0, 0, false));
        }
    }

    /**
     * A broker that reports only cumulative values (filled quantity and average price, as Alpaca's
     * order object does) lists no executions; what it filled beyond the journal becomes one fill
     * whose price makes the order's average match the broker's. Its id is derived from the
     * cumulative quantity, so asking twice never plans it twice.
     */
    private static long catchUp(
        final PortfolioSnapshot.OrderLine o, final BrokerOrderStatus status, final int brokerId,
        final List<Action> actions)
    {
        final long quantity = status.filled() - o.cumQuantity();
        final long theirNotional = ScaledMath.notional(status.filled(), status.averagePrice());
        final long ourNotional = ScaledMath.notional(o.cumQuantity(), o.averagePrice());
        final long price = ScaledMath.averagePrice(theirNotional - ourNotional, quantity);
        actions.add(new Action(ActionType.FILL, brokerId, o.orderId(), cumulativeFillId(status.filled()), quantity,
            price, false));
        return quantity;
    }

    /**
     * @param cumulativeQuantity the order's filled quantity after the catch-up fill.
     * @return the fill id of a catch-up fill (negative, so it never meets a broker's own positive ids).
     */
    public static long cumulativeFillId(final long cumulativeQuantity)
    {
        return Long.MIN_VALUE | cumulativeQuantity;
    }
}
