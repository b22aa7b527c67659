package io.ordergateway.adapters.alpaca;

import io.ordergateway.core.broker.BrokerEventSink;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.recovery.StartupReconciliation;
import io.ordergateway.journal.FixedPoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracker on its own, fed the order views and stream events Alpaca would send: what the
 * gateway hears (acknowledgements, fills as increments of the cumulative quantity, each once, with
 * the right id and price, the end of each order) and what the tracker asks to have done. No event
 * loop, no socket.
 */
class AlpacaOrderTrackerTest
{
    private static final String A = "904837e3-3b76-47ec-b432-046db621571b";
    private static final String B = "61e69015-8549-4bfd-b9c3-01e75843f47d";
    private static final String E1 = "1a2b3c4d-0000-4000-8000-000000000001";
    private static final String E2 = "1a2b3c4d-0000-4000-8000-000000000002";
    private static final String E3 = "1a2b3c4d-0000-4000-8000-000000000003";

    private final List<String> reported = new ArrayList<>();
    private final List<String> followups = new ArrayList<>();
    private AlpacaOrderTracker tracker;

    @BeforeEach
    void setUp()
    {
        tracker = new AlpacaOrderTracker("test", new RecordingSink(), new AlpacaOrderTracker.Followups()
        {
            @Override
            public void fetchReplacement(final AlpacaOrderTrack track, final String alpacaId)
            {
                followups.add("fetch " + track.orderId + " " + alpacaId);
            }

            @Override
            public void forgotten(final AlpacaOrderTrack track)
            {
                followups.add("forgotten " + track.orderId);
            }
        });
        tracker.open(new ClientOrderIds("t1"));
    }

    // ------------------------------------------------------------------ acknowledgement

    @Test
    void acknowledgesOnceWhenAStatusSaysTheOrderIsWorking()
    {
        final AlpacaOrderTrack t = tracker.startNew(1);
        tracker.apply(t, order(A, "t1-1", "pending_new", 10, 0, FixedPoint.NULL), null);
        tracker.apply(t, order(A, "t1-1", "accepted", 10, 0, FixedPoint.NULL), null);
        assertThat(reported).isEmpty(); // Alpaca may still reject an accepted order
        assertThat(t.alpacaId).isEqualTo(A);

        tracker.onTradeUpdate(event("new", order(A, "t1-1", "new", 10, 0, FixedPoint.NULL)));
        tracker.onTradeUpdate(event("new", order(A, "t1-1", "new", 10, 0, FixedPoint.NULL)));
        assertThat(reported).containsExactly("ack 1 " + AlpacaIds.key(A));
    }

    @Test
    void aStreamEventFindsItsOrderByClientOrderIdBeforeAlpacaNamedIt()
    {
        final AlpacaOrderTrack t = tracker.startNew(5); // the POST's answer is still on the way
        tracker.onTradeUpdate(event("new", order(A, "t1-5", "new", 10, 0, FixedPoint.NULL)));
        tracker.onTradeUpdate(event("new", order(B, "t1-6", "new", 10, 0, FixedPoint.NULL))); // not tracked
        tracker.onTradeUpdate(event("new", order(B, "other-5", "new", 10, 0, FixedPoint.NULL))); // another gateway's
        assertThat(reported).containsExactly("ack 5 " + AlpacaIds.key(A));
        assertThat(t.alpacaId).isEqualTo(A);
        // now known by its Alpaca id
        assertThat(tracker.trackOf(order(A, null, "new", 10, 0, FixedPoint.NULL))).isSameAs(t);
    }

    @Test
    void anUnknownEventIsAppliedByTheOrdersStatus()
    {
        tracker.startNew(1);
        tracker.onTradeUpdate(event("something_alpaca_added", order(A, "t1-1", "new", 10, 0, FixedPoint.NULL)));
        assertThat(reported).containsExactly("ack 1 " + AlpacaIds.key(A));
    }

    // ------------------------------------------------------------------ fills

    @Test
    void fillsAreTheIncrementsOfTheCumulativeQuantityWithTheExecutionsIdAndPrice()
    {
        tracker.startNew(1);
        tracker.onTradeUpdate(fill("partial_fill", E1, 3, price(100),
            order(A, "t1-1", "partially_filled", 10, 3, price(100))));
        tracker.onTradeUpdate(fill("partial_fill", E2, 4, price(107),
            order(A, "t1-1", "partially_filled", 10, 7, price(104))));
        assertThat(reported).containsExactly(
            "ack 1 " + AlpacaIds.key(A),
            "fill 1 " + executionId(E1) + " " + quantity(3) + " " + price(100),
            "fill 1 " + executionId(E2) + " " + quantity(4) + " " + price(107));
    }

    @Test
    void aRepeatedOrOlderViewReportsNothing()
    {
        tracker.startNew(1);
        final AlpacaJsonReader.StreamMessage first =
            fill("partial_fill", E1, 3, price(100), order(A, "t1-1", "partially_filled", 10, 3, price(100)));
        tracker.onTradeUpdate(first);
        tracker.onTradeUpdate(fill("partial_fill", E2, 4, price(100),
            order(A, "t1-1", "partially_filled", 10, 7, price(100))));
        reported.clear();

        // duplicate
        tracker.onTradeUpdate(fill("partial_fill", E2, 4, price(100),
            order(A, "t1-1", "partially_filled", 10, 7, price(100))));
        tracker.onTradeUpdate(first); // out of order: older than what was reported
        // a stale snapshot
        tracker.apply(tracker.find(1), order(A, "t1-1", "partially_filled", 10, 3, price(100)), null);
        assertThat(reported).isEmpty();
        assertThat(tracker.find(1).reportedQuantity).isEqualTo(quantity(7));
    }

    @Test
    void aSnapshotReportsWhatTheStreamMissedAtThePriceThatMakesTheAverageRight()
    {
        tracker.startNew(1);
        tracker.onTradeUpdate(fill("partial_fill", E1, 4, price(100),
            order(A, "t1-1", "partially_filled", 10, 4, price(100))));
        reported.clear();

        // 10 at an average of 103 after 4 at 100: the 6 missed were at (1030 - 400) / 6 = 105.
        tracker.apply(tracker.find(1), order(A, "t1-1", "partially_filled", 12, 10, price(103)), null);
        assertThat(reported).containsExactly("fill 1 " + StartupReconciliation.cumulativeFillId(quantity(10)) + " "
            + quantity(6) + " " + price(105));
        assertThat(tracker.find(1).reportedNotional).isEqualTo(quantity(10) / FixedPoint.QUANTITY_SCALE * price(103));
    }

    @Test
    void aStreamFillThatDoesNotMatchTheIncrementIsTakenFromTheCumulativeQuantity()
    {
        tracker.startNew(1);
        tracker.onTradeUpdate(fill("partial_fill", E1, 2, price(100),
            order(A, "t1-1", "partially_filled", 10, 2, price(100))));
        reported.clear();

        // An execution of 2 was missed: this event's own 2 is not the whole increment of 4, which was
        // at (6 x 104 - 2 x 100) / 4 = 106.
        tracker.onTradeUpdate(fill("partial_fill", E3, 2, price(110),
            order(A, "t1-1", "partially_filled", 10, 6, price(104))));
        assertThat(reported).containsExactly("fill 1 " + StartupReconciliation.cumulativeFillId(quantity(6)) + " "
            + quantity(4) + " " + price(106));
    }

    @Test
    void anOrderFoundWorkingAtStartUpCountsFillsFromWhatAlpacaShowed()
    {
        tracker.apply(adopted(), order(A, "t1-7", "partially_filled", 10, 6, price(101)), null);
        assertThat(reported).containsExactly("fill 7 " + StartupReconciliation.cumulativeFillId(quantity(6)) + " "
            + quantity(2) + " " + price(103));
    }

    private AlpacaOrderTrack adopted()
    {
        tracker.adopt(7, "t1-7", order(A, "t1-7", "partially_filled", 10, 4, price(100)));
        final AlpacaOrderTrack t = tracker.find(7);
        assertThat(t.acked).isTrue();
        assertThat(t.reportedQuantity).isEqualTo(quantity(4));
        return t;
    }

    // ------------------------------------------------------------------ the end

    @Test
    void filledToTheQuantityEndsTheOrderAndLaterEventsAreIgnored()
    {
        tracker.startNew(1);
        tracker.onTradeUpdate(fill("partial_fill", E1, 4, price(100),
            order(A, "t1-1", "partially_filled", 10, 4, price(100))));
        tracker.onTradeUpdate(fill("fill", E2, 6, price(100), order(A, "t1-1", "filled", 10, 10, price(100))));
        assertThat(tracker.find(1)).isNull();
        assertThat(followups).containsExactly("forgotten 1");
        reported.clear();

        tracker.onTradeUpdate(fill("fill", E2, 6, price(100), order(A, "t1-1", "filled", 10, 10, price(100))));
        tracker.onTradeUpdate(event("canceled", order(A, "t1-1", "canceled", 10, 10, price(100))));
        assertThat(reported).isEmpty();
    }

    @Test
    void canceledAndExpiredReportTheLastFillsThenTheEndOnce()
    {
        tracker.startNew(1);
        tracker.startNew(2);
        tracker.onTradeUpdate(event("canceled", order(A, "t1-1", "canceled", 10, 3, price(100))));
        tracker.onTradeUpdate(event("canceled", order(A, "t1-1", "canceled", 10, 3, price(100))));
        tracker.apply(tracker.find(2), order(B, "t1-2", "expired", 10, 0, FixedPoint.NULL), null);
        assertThat(reported).containsExactly(
            "ack 1 " + AlpacaIds.key(A),
            "fill 1 " + StartupReconciliation.cumulativeFillId(quantity(3)) + " " + quantity(3) + " " + price(100),
            "canceled 1",
            "ack 2 " + AlpacaIds.key(B),
            "expired 2");
        assertThat(tracker.find(1)).isNull();
        assertThat(tracker.find(2)).isNull();
        assertThat(followups).containsExactly("forgotten 1", "forgotten 2");
    }

    @Test
    void anOrderAcceptedThenRejectedEndsRejectedWithoutAnAcknowledgement()
    {
        final AlpacaOrderTrack t = tracker.startNew(1);
        tracker.apply(t, order(A, "t1-1", "accepted", 10, 0, FixedPoint.NULL), null);
        tracker.onTradeUpdate(event("rejected", order(A, "t1-1", "rejected", 10, 0, FixedPoint.NULL)));
        tracker.onTradeUpdate(event("rejected", order(A, "t1-1", "rejected", 10, 0, FixedPoint.NULL)));
        assertThat(reported).containsExactly("rejected 1 NEW BROKER_REJECTED 0");
        assertThat(t.done).isTrue();
        assertThat(tracker.find(1)).isNull();
    }

    // ------------------------------------------------------------------ cancel and replace

    @Test
    void theReplacementTakesOverWhenTheOldOrderShowsReplaced()
    {
        final AlpacaOrderTrack t = working(1, A, 2);
        requestReplace(t, 12, price(101));
        tracker.replacementCreated(t, B); // the PATCH's answer
        tracker.onTradeUpdate(event("new", replacement(B, A, "pending_new", 12, 2)));
        assertThat(reported).isEmpty(); // not a new order: no second acknowledgement
        assertThat(t.alpacaId).isEqualTo(A);

        tracker.onTradeUpdate(event("replaced", replaced(A, B, 10, 2)));
        assertThat(reported).containsExactly("replaced 1 " + quantity(12) + " " + price(101) + " " + FixedPoint.NULL);
        assertThat(t.alpacaId).isEqualTo(B);
        assertThat(t.replacePending).isFalse();
        assertThat(followups).isEmpty(); // the stream will tell about the replacement itself
        reported.clear();

        // the replacement carries the 2 filled before: only what it fills itself is new
        tracker.onTradeUpdate(fill("partial_fill", E3, 3, price(101), replacement(B, A, "partially_filled", 12, 5)));
        assertThat(reported).containsExactly("fill 1 " + executionId(E3) + " " + quantity(3) + " " + price(101));
    }

    @Test
    void aSnapshotOfTheReplacedOrderAsksForTheReplacement()
    {
        final AlpacaOrderTrack t = working(1, A, 0);
        requestReplace(t, 12, price(101));
        tracker.apply(t, replaced(A, B, 10, 0), null);
        assertThat(reported).containsExactly("replaced 1 " + quantity(12) + " " + price(101) + " " + FixedPoint.NULL);
        assertThat(followups).containsExactly("fetch 1 " + B);
        assertThat(tracker.trackOf(order(B, null, "new", 12, 0, FixedPoint.NULL))).isSameAs(t);
    }

    @Test
    void aRejectedReplacementRefusesTheReplaceAndTheOrderKeepsWorking()
    {
        final AlpacaOrderTrack t = working(1, A, 0);
        requestReplace(t, 12, price(101));
        tracker.onTradeUpdate(event("rejected", replacement(B, A, "rejected", 12, 0)));
        assertThat(reported).containsExactly("rejected 1 REPLACE BROKER_REJECTED 0");
        assertThat(t.done).isFalse();
        assertThat(t.replacePending).isFalse();
        assertThat(tracker.find(1)).isSameAs(t);
    }

    @Test
    void refusedCancelsAndReplacesOnTheStreamAreReportedOnce()
    {
        final AlpacaOrderTrack t = working(1, A, 0);
        tracker.onTradeUpdate(event("order_cancel_rejected", order(A, "t1-1", "new", 10, 0, FixedPoint.NULL)));
        // none pending
        tracker.onTradeUpdate(event("order_replace_rejected", order(A, "t1-1", "new", 10, 0, FixedPoint.NULL)));
        requestReplace(t, 12, price(101));
        tracker.onTradeUpdate(event("order_replace_rejected", order(A, "t1-1", "new", 10, 0, FixedPoint.NULL)));
        tracker.onTradeUpdate(event("order_replace_rejected", order(A, "t1-1", "new", 10, 0, FixedPoint.NULL)));
        assertThat(reported).containsExactly("rejected 1 CANCEL ORDER_NOT_ACTIVE 0",
            "rejected 1 REPLACE ORDER_NOT_ACTIVE 0");
        assertThat(tracker.find(1)).isSameAs(t);
    }

    @Test
    void anOrderFromBeforeARestartIsTakenAsAcknowledged()
    {
        final AlpacaOrderTrack t = tracker.trackFor(42);
        assertThat(t.acked).isTrue();
        assertThat(t.clientOrderId).isEqualTo("t1-42");
        assertThat(tracker.trackFor(42)).isSameAs(t);
        tracker.onTradeUpdate(event("new", order(A, "t1-42", "new", 10, 0, FixedPoint.NULL)));
        assertThat(reported).isEmpty();
    }

    // ------------------------------------------------------------------ fixtures

    private AlpacaOrderTrack working(final long orderId, final String alpacaId, final long filled)
    {
        final AlpacaOrderTrack t = tracker.startNew(orderId);
        tracker.apply(t, order(alpacaId, "t1-" + orderId, filled > 0 ? "partially_filled" : "new", 10, filled,
            filled > 0 ? price(100) : FixedPoint.NULL), null);
        reported.clear();
        return t;
    }

    /** What the sender records when it sends a PATCH. */
    private static void requestReplace(final AlpacaOrderTrack t, final long shares, final long limit)
    {
        t.replacePending = true;
        t.replaceQuantity = quantity(shares);
        t.replaceLimit = limit;
        t.replaceStop = FixedPoint.NULL;
    }

    private static long price(final long dollars)
    {
        return dollars * FixedPoint.PRICE_SCALE;
    }

    private static long executionId(final String id)
    {
        return AlpacaIds.key(id) & Long.MAX_VALUE;
    }

    private static AlpacaOrderView
        order(final String id, final String clientOrderId, final String status, final long shares, final long filled,
        final long average)
    {
        final AlpacaOrderView o = new AlpacaOrderView();
        o.clear();
        o.id = id;
        o.clientOrderId = clientOrderId;
        o.status = status;
        o.symbol = "AAPL";
        o.side = "buy";
        o.quantity = quantity(shares);
        o.filledQuantity = quantity(filled);
        o.filledAveragePrice = average;
        return o;
    }

    private static AlpacaOrderView
        replacement(final String id, final String replaces, final String status, final long shares, final long filled)
    {
        final AlpacaOrderView o =
            order(id, "replacement-" + id, status, shares, filled, filled > 0 ? price(100) : FixedPoint.NULL);
        o.replaces = replaces;
        return o;
    }

    private static AlpacaOrderView
        replaced(final String id, final String replacedBy, final long shares, final long filled)
    {
        final AlpacaOrderView o =
            order(id, "t1-1", "replaced", shares, filled, filled > 0 ? price(100) : FixedPoint.NULL);
        o.replacedBy = replacedBy;
        return o;
    }

    private static AlpacaJsonReader.StreamMessage event(final String event, final AlpacaOrderView order)
    {
        final AlpacaJsonReader.StreamMessage m = new AlpacaJsonReader.StreamMessage();
        m.clear();
        m.stream = "trade_updates";
        m.event = event;
        m.order.copyFrom(order);
        m.hasOrder = true;
        return m;
    }

    private static AlpacaJsonReader.StreamMessage
        fill(final String event, final String executionId, final long shares, final long price,
        final AlpacaOrderView order)
    {
        final AlpacaJsonReader.StreamMessage m = event(event, order);
        m.executionId = executionId;
        m.quantity = quantity(shares);
        m.price = price;
        return m;
    }

    @Test
    void anExternalOrderIsAdoptedOnceAndOnlyWhenTheGatewayTakesIt()
    {
        adoptable = false; // not connected yet (a statement at start-up): asked again when seen again
        final AlpacaOrderView byHand = order(E1, "desk-1", "new", 5, 0, FixedPoint.NULL);
        assertThat(tracker.adoptExternal(byHand)).isNull();
        adoptable = true;
        tracker.onTradeUpdate(fill("fill", E2, 5, 18_700_000_000L, order(E1, "desk-1", "filled", 5, 5,
            18_700_000_000L)));
        assertThat(reported).containsExactly("adopted 100 desk-1", "reconciled-fill 100 " + (AlpacaIds.key(E2)
            & Long.MAX_VALUE) + " " + quantity(5) + " 18700000000");
        assertThat(tracker.adoptExternal(byHand)).as("once per adapter session").isNull();
    }

    @Test
    void legsAndReplacementsAreNeverAdopted()
    {
        adoptable = true;
        final AlpacaOrderView leg = order(E1, "leg-1", "held", 5, 0, FixedPoint.NULL);
        leg.orderClass = "bracket"; // a take-profit or stop-loss leg, perhaps of one of ours
        assertThat(tracker.adoptExternal(leg)).isNull();
        final AlpacaOrderView replacement = order(E3, "random-id", "new", 5, 0, FixedPoint.NULL);
        replacement.replaces = A; // of an order whose chain this tracker may not see
        assertThat(tracker.adoptExternal(replacement)).isNull();
        assertThat(reported).isEmpty();
    }

    private boolean adoptable; // the gateway adopts nothing unless a test says so

    private final class RecordingSink implements BrokerEventSink
    {
        @Override
        public long adopted(final String symbol, final io.ordergateway.core.domain.Side side,
            final io.ordergateway.core.domain.OrderType type, final io.ordergateway.core.domain.TimeInForce tif,
            final long quantity, final long limitPrice, final long stopPrice, final String brokerClientOrderId)
        {
            if (!adoptable)
            {
                return 0;
            }
            reported.add("adopted 100 " + brokerClientOrderId);
            return 100;
        }

        @Override
        public void reconciledFill(final long orderId, final long fillId, final long quantity, final long price)
        {
            reported.add("reconciled-fill " + orderId + " " + fillId + " " + quantity + " " + price);
        }

        @Override
        public void acknowledged(final long orderId, final long brokerOrderId)
        {
            reported.add("ack " + orderId + " " + brokerOrderId);
        }

        @Override
        public void rejected(final long orderId, final CommandKind command, final RejectReason reason,
            final int brokerCode)
        {
            reported.add("rejected " + orderId + " " + command + " " + reason + " " + brokerCode);
        }

        @Override
        public void filled(final long orderId, final long fillId, final long quantity, final long price)
        {
            reported.add("fill " + orderId + " " + fillId + " " + quantity + " " + price);
        }

        @Override
        public void canceled(final long orderId)
        {
            reported.add("canceled " + orderId);
        }

        @Override
        public void replaced(final long orderId, final long quantity, final long limitPrice, final long stopPrice)
        {
            reported.add("replaced " + orderId + " " + quantity + " " + limitPrice + " " + stopPrice);
        }

        @Override
        public void expired(final long orderId)
        {
            reported.add("expired " + orderId);
        }
    }
}
