package io.ordergateway.adapters.alpaca;

import io.ordergateway.core.broker.BrokerEventSink;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.ScaledMath;
import io.ordergateway.core.recovery.StartupReconciliation;
import io.ordergateway.journal.FixedPoint;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The adapter's record of the gateway's orders at Alpaca, and what each view of an Alpaca order
 * means for the gateway. Pure logic: it reads {@link AlpacaOrderView}s (a REST answer or a stream
 * event's order) and reports to a {@link BrokerEventSink}; it does no I/O of its own, and asks its
 * {@link Followups} when an order must be fetched or has ended. Loop thread only.
 *
 * <p><b>Fills by cumulative quantity.</b> Each view carries the order's cumulative filled quantity;
 * the tracker reports only the increment over what it has reported, so a fill is reported exactly
 * once whether it arrives on the stream, in a REST answer or in a catch-up, and a replayed or older
 * view reports nothing. An increment that matches the stream event's own execution carries Alpaca's
 * {@code execution_id} and price; any other increment gets a fill id derived from the cumulative
 * quantity ({@link StartupReconciliation#cumulativeFillId}) and the price that makes the reported
 * notional match the order's average price.
 *
 * <p><b>Acknowledgement.</b> Alpaca answers a POST "accepted" or "pending_new" and may still reject
 * the order; the gateway hears "acknowledged" once a status says the order is working (or done).
 *
 * <p><b>Replaces.</b> A replacement is a new Alpaca order; it is taken to carry the filled quantity
 * of the order it replaced, and it takes over the gateway order when the old one shows "replaced".
 *
 * <p><b>The end.</b> Canceled, expired, rejected, or filled to the order's quantity: the gateway is
 * told once and the order is forgotten, so later events for it are ignored.
 */
final class AlpacaOrderTracker
{
    /**
     * What the tracker needs done outside itself; called on the loop thread.
     */
    interface Followups
    {
        /**
         * A REST snapshot showed the order working for {@code track} replaced: fetch the order that
         * replaced it and apply that.
         *
         * @param track    the gateway order.
         * @param alpacaId the replacement's Alpaca id.
         */
        void fetchReplacement(AlpacaOrderTrack track, String alpacaId);

        /**
         * The tracker forgot an order that ended: release whatever is still held for it.
         *
         * @param track the order.
         */
        void forgotten(AlpacaOrderTrack track);
    }

    private final String name;
    private final BrokerEventSink sink;
    private final Followups followups;
    private final Long2ObjectHashMap<AlpacaOrderTrack> tracks = new Long2ObjectHashMap<>();
    private final Map<String, AlpacaOrderTrack> byAlpacaId = new HashMap<>();
    private final Set<String> unknownEventsLogged = new HashSet<>();
    private final Set<String> externalSeen = new HashSet<>();
    private ClientOrderIds clientOrderIds;

    /**
     * @param name      the adapter's name, for logs.
     * @param sink      where the gateway hears what the orders did.
     * @param followups what to do when an order must be fetched or has ended.
     */
    AlpacaOrderTracker(final String name, final BrokerEventSink sink, final Followups followups)
    {
        this.name = name;
        this.sink = sink;
        this.followups = followups;
    }

    /**
     * @param clientOrderIds the gateway's client order ids (known once the adapter is opened).
     */
    void open(final ClientOrderIds clientOrderIds)
    {
        this.clientOrderIds = clientOrderIds;
    }

    // ------------------------------------------------------------------ the orders kept

    /**
     * Starts tracking a new order (replacing any track under its id).
     *
     * @param orderId the gateway's order id.
     * @return its track.
     */
    AlpacaOrderTrack startNew(final long orderId)
    {
        final AlpacaOrderTrack t = new AlpacaOrderTrack(orderId, clientOrderIds.toString(orderId));
        tracks.put(orderId, t);
        return t;
    }

    /**
     * The track of an order a cancel or replace names; an order the tracker does not know is one
     * from before a restart, taken as acknowledged.
     *
     * @param orderId the gateway's order id.
     * @return its track.
     */
    AlpacaOrderTrack trackFor(final long orderId)
    {
        AlpacaOrderTrack t = tracks.get(orderId);
        if (t == null)
        {
            t = new AlpacaOrderTrack(orderId, clientOrderIds.toString(orderId));
            t.acked = true;
            tracks.put(orderId, t);
        }
        return t;
    }

    /**
     * Tracks an order found working at Alpaca when the gateway asked about it (start-up): the
     * journal will agree with this view after reconciliation, so later events count from here.
     *
     * @param orderId       the gateway's order id.
     * @param clientOrderId its client order id.
     * @param o             the order as Alpaca shows it.
     */
    void adopt(final long orderId, final String clientOrderId, final AlpacaOrderView o)
    {
        final long average = o.filledAveragePrice == FixedPoint.NULL ? 0 : o.filledAveragePrice;
        final AlpacaOrderTrack t = new AlpacaOrderTrack(orderId, clientOrderId);
        t.acked = true;
        t.alpacaId = o.id;
        t.external = clientOrderIds != null && clientOrderIds.parse(clientOrderId) != orderId; // adopted before
        if (t.external)
        {
            externalSeen.add(o.id);
        }
        t.reportedQuantity = o.filledQuantity;
        t.reportedNotional = ScaledMath.notional(o.filledQuantity, average);
        tracks.put(orderId, t);
        byAlpacaId.put(o.id, t);
    }

    /**
     * An Alpaca order this gateway never sent (placed by hand, or by another system on the account),
     * seen on the stream, in a catch-up or in a statement: if the gateway adopts external orders it
     * books it under a new order id, and the tracker follows it from here like its own, reporting
     * its fills (what it filled before, and later ones) as found by reconciliation. Each Alpaca order
     * is offered once per adapter session; an order that ended with nothing filled is not offered.
     *
     * @param o the order as Alpaca shows it.
     * @return its new track, or null when it is not adopted.
     */
    AlpacaOrderTrack adoptExternal(final AlpacaOrderView o)
    {
        if (o.id == null || o.status == null || o.clientOrderId == null || externalSeen.contains(o.id)
            || (clientOrderIds != null && clientOrderIds.parse(o.clientOrderId) >= 0)
            || AlpacaWire.state(o.status, o.filledQuantity).isTerminal() && o.filledQuantity <= 0)
        {
            return null; // seen before, one of ours (finished), or nothing to book
        }
        if (o.replaces != null || o.orderClass != null && !o.orderClass.isEmpty() && !"simple".equals(o.orderClass))
        {
            // a replacement (of an order whose chain we may not see) or a leg of a bracket, OCO or OTO, perhaps of
            // one of ours: adopting it could count its fills twice, so it is left to reconciliation to report
            if (externalSeen.add(o.id))
            {
                AlpacaBroker.LOG.warn("alpaca {}: order {} ({} {}, class {}, replaces {}) is not one this gateway "
                    + "tracks; not adopted", name, o.id, o.side, o.symbol, o.orderClass, o.replaces);
            }
            return null;
        }
        final long orderId = sink.adopted(o.symbol, AlpacaWire.parseSide(o.side), AlpacaWire.parseType(o.type),
            AlpacaWire.parseTimeInForce(o.timeInForce), o.quantity, o.limitPrice, o.stopPrice, o.clientOrderId);
        if (orderId == 0)
        {
            // not now (not connected, adoption off, a symbol the gateway does not trade): asked again when seen again
            AlpacaBroker.LOG.debug("alpaca {}: order {} ({} {}) was not sent by this gateway; not adopted", name,
                o.id, o.side, o.symbol);
            return null;
        }
        externalSeen.add(o.id);
        final AlpacaOrderTrack t = new AlpacaOrderTrack(orderId, o.clientOrderId);
        t.acked = true;
        t.external = true;
        t.alpacaId = o.id;
        tracks.put(orderId, t);
        byAlpacaId.put(o.id, t);
        AlpacaBroker.LOG.warn("alpaca {}: order {} ({} {} {}) was not sent by this gateway: adopted as EXTERNAL "
            + "order {}", name, o.id, o.side, FixedPoint.formatQuantity(o.quantity), o.symbol, orderId);
        return t;
    }

    /**
     * @param orderId the gateway's order id.
     * @return its track, or null when the order is not (or no longer) tracked.
     */
    AlpacaOrderTrack find(final long orderId)
    {
        return tracks.get(orderId);
    }

    /**
     * The gateway order an Alpaca order belongs to: by its Alpaca id, by the id of the order it
     * replaces, or by its client order id.
     *
     * @param o the order as Alpaca shows it.
     * @return the track, or null when it is no order of this gateway session (or one already finished).
     */
    AlpacaOrderTrack trackOf(final AlpacaOrderView o)
    {
        AlpacaOrderTrack t = byAlpacaId.get(o.id);
        if (t == null && o.replaces != null)
        {
            t = byAlpacaId.get(o.replaces);
        }
        if (t == null && o.clientOrderId != null && clientOrderIds != null)
        {
            final long orderId = clientOrderIds.parse(o.clientOrderId);
            t = orderId < 0 ? null : tracks.get(orderId);
        }
        return t;
    }

    /**
     * @param action called with every track.
     */
    void forEach(final Consumer<AlpacaOrderTrack> action)
    {
        tracks.values().forEach(action);
    }

    /**
     * A replace was answered with its replacement order: events for that order now belong to
     * {@code t}; it takes over when the old order shows "replaced".
     *
     * @param t             the gateway order.
     * @param replacementId the replacement's Alpaca id.
     */
    void replacementCreated(final AlpacaOrderTrack t, final String replacementId)
    {
        byAlpacaId.put(replacementId, t);
    }

    /**
     * Reports a pending replace as refused (once; nothing when none is pending).
     *
     * @param t      the order.
     * @param reason the standard reason.
     * @param code   Alpaca's code, 0 if none.
     */
    void replaceRefused(final AlpacaOrderTrack t, final RejectReason reason, final int code)
    {
        if (t.replacePending)
        {
            t.replacePending = false;
            sink.rejected(t.orderId, CommandKind.REPLACE, reason, code);
        }
    }

    /**
     * Ends tracking an order: its maps, and whatever the followups hold for it.
     *
     * @param t the order.
     */
    void forget(final AlpacaOrderTrack t)
    {
        followups.forgotten(t);
        tracks.remove(t.orderId);
        if (t.alpacaId != null)
        {
            byAlpacaId.remove(t.alpacaId);
        }
    }

    // ------------------------------------------------------------------ what Alpaca says

    /**
     * One {@code trade_updates} message: refusals of a cancel or replace, or the order's new state.
     * An event word the tracker does not know is logged once and applied by the order's status.
     *
     * @param m the message (valid only during the call).
     */
    void onTradeUpdate(final AlpacaJsonReader.StreamMessage m)
    {
        AlpacaOrderTrack t = trackOf(m.order);
        if (t == null)
        {
            t = adoptExternal(m.order);
        }
        if (t == null)
        {
            return; // not an order of this gateway session (or one already finished), and not adopted
        }
        switch (m.event)
        {
            case "order_cancel_rejected":
                sink.rejected(t.orderId, CommandKind.CANCEL, RejectReason.ORDER_NOT_ACTIVE, 0);
                break;
            case "order_replace_rejected":
                replaceRefused(t, RejectReason.ORDER_NOT_ACTIVE, 0);
                break;
            case "new": case "fill": case "partial_fill": case "canceled": case "expired": case "replaced": case
                "rejected":
            case "done_for_day": case "pending_new": case "pending_cancel": case "pending_replace": case "accepted":
            case "stopped":
            case "calculated": case "suspended": case "restated": case "held":
                apply(t, m.order, m);
                break;
            default:
                if (unknownEventsLogged.add(m.event))
                {
                    AlpacaBroker.LOG.warn("alpaca {}: unknown trade update event '{}'; applied by the order's status",
                        name, m.event);
                }
                apply(t, m.order, m);
                break;
        }
    }

    /**
     * Applies one view of an order (a REST answer or a stream event's order) to its track:
     * acknowledgement, fills by cumulative quantity, and the end of the order.
     *
     * @param t     the track.
     * @param o     the order as Alpaca shows it.
     * @param event the stream message it came with, or null for a REST snapshot.
     */
    void apply(final AlpacaOrderTrack t, final AlpacaOrderView o, final AlpacaJsonReader.StreamMessage event)
    {
        if (t.done)
        {
            return;
        }
        if ("replaced".equals(o.status))
        {
            reportFills(t, o, event);
            if (o.replacedBy != null)
            {
                byAlpacaId.put(o.replacedBy, t);
                final boolean wasCurrent = o.id.equals(t.alpacaId) || t.alpacaId == null;
                t.alpacaId = o.replacedBy;
                if (t.replacePending)
                {
                    t.replacePending = false;
                    sink.replaced(t.orderId, t.replaceQuantity, t.replaceLimit, t.replaceStop);
                }
                if (wasCurrent && event == null)
                {
                    // a snapshot of the old order: fetch the one that replaced it
                    followups.fetchReplacement(t, o.replacedBy);
                }
            }
            return;
        }
        final boolean replacement = o.replaces != null && t.replacePending && !o.id.equals(t.alpacaId);
        if ("rejected".equals(o.status))
        {
            if (replacement)
            {
                replaceRefused(t, RejectReason.BROKER_REJECTED, 0);
            }
            else
            {
                t.done = true; // before or after Alpaca said "accepted": the order is dead either way
                sink.rejected(t.orderId, CommandKind.NEW, RejectReason.BROKER_REJECTED, 0);
                forget(t);
            }
            return;
        }
        if (replacement)
        {
            byAlpacaId.put(o.id, t);
            reportFills(t, o, event);
            return;
        }
        if (t.alpacaId == null)
        {
            t.alpacaId = o.id;
        }
        byAlpacaId.put(o.id, t);
        if (!t.acked && isLive(o.status))
        {
            t.acked = true;
            sink.acknowledged(t.orderId, AlpacaIds.key(o.id));
        }
        reportFills(t, o, event);
        switch (o.status)
        {
            case "canceled":
                t.done = true;
                sink.canceled(t.orderId);
                forget(t);
                break;
            case "expired":
                t.done = true;
                sink.expired(t.orderId);
                forget(t);
                break;
            case "filled":
                if (t.reportedQuantity >= o.quantity)
                {
                    t.done = true;
                    forget(t);
                }
                break;
            default:
                break;
        }
    }

    /**
     * Alpaca answers a POST with the order "accepted" or "pending_new" and may still reject it; the
     * gateway's acknowledgement waits for a status that says the order is working (or done).
     */
    private static boolean isLive(final String status)
    {
        switch (status)
        {
            case "pending_new":
            case "accepted":
            case "accepted_for_bidding":
            case "pending_review":
                return false;
            default:
                return true;
        }
    }

    private void reportFills(final AlpacaOrderTrack t, final AlpacaOrderView o,
        final AlpacaJsonReader.StreamMessage event)
    {
        final long increment = o.filledQuantity - t.reportedQuantity;
        if (increment <= 0)
        {
            return; // already reported (a replay, or a snapshot older than what we saw)
        }
        final long price;
        final long fillId;
        if (event != null && event.executionId != null && event.quantity == increment && event.price != FixedPoint.NULL)
        {
            price = event.price;
            fillId = AlpacaIds.key(event.executionId) & Long.MAX_VALUE;
        }
        else
        {
            final long average = o.filledAveragePrice == FixedPoint.NULL ? 0 : o.filledAveragePrice;
            price = ScaledMath.averagePrice(ScaledMath.notional(o.filledQuantity, average) - t.reportedNotional,
                increment);
            fillId = StartupReconciliation.cumulativeFillId(o.filledQuantity);
        }
        t.reportedQuantity = o.filledQuantity;
        t.reportedNotional += ScaledMath.notional(increment, price);
        if (t.external)
        {
            sink.reconciledFill(t.orderId, fillId, increment, price);
        }
        else
        {
            sink.filled(t.orderId, fillId, increment, price);
        }
    }
}
