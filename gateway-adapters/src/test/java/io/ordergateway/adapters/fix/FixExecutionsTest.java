package io.ordergateway.adapters.fix;

import io.ordergateway.adapters.fix.codec.decoder.BusinessMessageRejectDecoder;
import io.ordergateway.adapters.fix.codec.decoder.ExecutionReportDecoder;
import io.ordergateway.adapters.fix.codec.decoder.OrderCancelRejectDecoder;
import io.ordergateway.adapters.fix.codec.decoder.RejectDecoder;
import io.ordergateway.core.broker.BrokerEventSink;
import io.ordergateway.core.broker.BrokerOrderStatus;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every ExecutionReport and reject a counterparty may send, and what the gateway hears of it: the FIX 4.4 and 4.2
 * ways of reporting fills, the legal variations (ExecType=Trade with OrdStatus=New, no LastPx, no CumQty), repeated
 * and resent reports counted once, an overfill refused, cancels, replaces under a new ClOrdID, rejects of every kind
 * mapped to the standard reasons, and status answers completing the gateway's questions without events.
 */
class FixExecutionsTest
{
    private static final long Q = 1_000_000_000L;
    private static final long P = 100_000_000L;

    private final List<String> events = new ArrayList<>();
    private final FixOrders orders = new FixOrders();
    private final FixClOrdIds clOrdIds = new FixClOrdIds(new ClientOrderIds("gw"));
    private final FixQueries queries = new FixQueries(clOrdIds);
    private final FixSentMessages sent = new FixSentMessages();
    private final FixExecutions executions = new FixExecutions("fix", orders, clOrdIds, queries, sent,
        new SymbolTable(List.of("AAPL", "MSFT")));

    @BeforeEach
    void order()
    {
        executions.sink(new Recording());
        final FixOrder o = orders.track(1);
        o.symbolId = 0;
        o.side = Side.BUY;
        o.type = OrderType.LIMIT;
        o.quantity = 300 * Q;
        o.limitPrice = 10 * P;
    }

    private void receive(final long type, final String body)
    {
        final byte[] bytes = ("8=FIX.4.4|9=0|" + body + "|10=000|").replace('|', '\u0001')
            .getBytes(StandardCharsets.US_ASCII);
        executions.onMessage(new UnsafeBuffer(bytes), 0, bytes.length, type);
    }

    private void report(final String body)
    {
        receive(ExecutionReportDecoder.MESSAGE_TYPE, "35=8|" + body);
    }

    @Test
    void fix44AckPartialFillsAndFill()
    {
        report("37=B1|11=gw-1|17=e1|150=0|39=0|55=AAPL|54=1|38=300|14=0|151=300|6=0");
        report("37=B1|11=gw-1|17=e2|150=F|39=1|55=AAPL|54=1|38=300|32=100|31=10|14=100|151=200|6=10");
        report("37=B1|11=gw-1|17=e3|150=F|39=2|55=AAPL|54=1|38=300|32=200|31=10.5|14=300|151=0|6=10.333333");
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).startsWith("ack 1");
        assertThat(events.get(1)).endsWith("fill 1 " + 100 * Q + " " + 10 * P);
        assertThat(events.get(2)).endsWith("fill 1 " + 200 * Q + " " + 1_050_000_000L);
        assertThat(orders.get(1).done).isTrue(); // finished
    }

    @Test
    void aRepeatedOrResentReportAddsNothing()
    {
        report("37=B1|11=gw-1|17=e2|150=F|39=1|55=AAPL|54=1|38=300|32=100|31=10|14=100|151=200|6=10");
        report("43=Y|37=B1|11=gw-1|17=e2|150=F|39=1|55=AAPL|54=1|38=300|32=100|31=10|14=100|151=200|6=10");
        assertThat(events).filteredOn(e -> e.contains("fill")).hasSize(1);
    }

    @Test
    void aResentReportOfAFinishedOrderAddsNothing()
    {
        report("37=B1|11=gw-1|17=e3|150=F|39=2|55=AAPL|54=1|38=300|32=300|31=10|14=300|151=0|6=10");
        report("43=Y|37=B1|11=gw-1|17=e3|150=F|39=2|55=AAPL|54=1|38=300|32=300|31=10|14=300|151=0|6=10");
        assertThat(events).filteredOn(e -> e.contains("fill")).hasSize(1);
    }

    @Test
    void fix42OldStyleFills()
    {
        report("37=B1|11=gw-1|17=e1|20=0|150=0|39=0|55=AAPL|54=1|38=300|14=0|151=300|6=0");
        report("37=B1|11=gw-1|17=e2|20=0|150=1|39=1|55=AAPL|54=1|38=300|32=100|31=10|14=100|151=200|6=10");
        report("37=B1|11=gw-1|17=e3|20=0|150=2|39=2|55=AAPL|54=1|38=300|32=200|31=10|14=300|151=0|6=10");
        assertThat(events).filteredOn(e -> e.contains("fill")).hasSize(2);
        assertThat(orders.get(1).done).isTrue();
    }

    @Test
    void aBustedExecutionIsNotApplied()
    {
        report("37=B1|11=gw-1|17=e2|20=0|150=1|39=1|55=AAPL|54=1|38=300|32=100|31=10|14=100|151=200|6=10");
        report("37=B1|11=gw-1|17=e9|19=e2|20=1|150=H|39=0|55=AAPL|54=1|38=300|14=0|151=300|6=0");
        assertThat(events).filteredOn(e -> e.contains("fill")).hasSize(1);
    }

    @Test
    void tradeWithOrdStatusNewAndNoLastPxIsPricedFromAvgPx()
    {
        report("37=B1|11=gw-1|17=e2|150=F|39=0|55=AAPL|54=1|38=300|32=100|14=100|151=200|6=10.25");
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).startsWith("ack 1");
        assertThat(events.get(1)).endsWith("fill 1 " + 100 * Q + " " + 1_025_000_000L);
    }

    @Test
    void aReportWithoutCumQtyCountsItsLastQty()
    {
        report("37=B1|11=gw-1|17=e2|150=F|39=1|55=AAPL|54=1|38=300|32=100|31=10|151=200|6=10");
        assertThat(events).filteredOn(e -> e.contains("fill")).hasSize(1);
    }

    @Test
    void anOverfillIsRefused()
    {
        report("37=B1|11=gw-1|17=e2|150=F|39=2|55=AAPL|54=1|38=300|32=400|31=10|14=400|151=0|6=10");
        assertThat(events).filteredOn(e -> e.contains("fill")).isEmpty();
    }

    @Test
    void aCancelAnsweredUnderTheRequestsClOrdId()
    {
        final FixOrder o = orders.get(1);
        o.lastRequest = 1;
        o.pendingRequest = 1;
        report("37=B1|11=gw-1|17=e1|150=0|39=0|55=AAPL|54=1|38=300|14=0|151=300|6=0");
        report("37=B1|11=gw-1:1|41=gw-1|17=e2|150=4|39=4|55=AAPL|54=1|38=300|14=0|151=0|6=0");
        assertThat(events).containsSubsequence("canceled 1");
        assertThat(orders.get(1).done).isTrue();
    }

    @Test
    void aReplaceRenamesTheOrder()
    {
        final FixOrder o = orders.get(1);
        report("37=B1|11=gw-1|17=e1|150=0|39=0|55=AAPL|54=1|38=300|14=0|151=300|6=0");
        o.lastRequest = 1;
        o.pendingRequest = 1;
        o.pendingIsReplace = true;
        report("37=B1|11=gw-1:1|41=gw-1|17=e2|150=5|39=0|55=AAPL|54=1|38=400|44=11|14=0|151=400|6=0");
        assertThat(events).contains("replaced 1 " + 400 * Q + " " + 11 * P);
        assertThat(o.currentRequest).isEqualTo(1);
        report("37=B1|11=gw-1:1|17=e3|150=F|39=1|55=AAPL|54=1|38=400|32=50|31=11|14=50|151=350|6=11");
        assertThat(events).filteredOn(e -> e.contains("fill")).hasSize(1);
    }

    @Test
    void rejectsMapToTheStandardReasons()
    {
        report("37=NONE|11=gw-1|17=e1|150=8|39=8|103=1|58=unknown symbol|55=AAPL|54=1|38=300|14=0|151=0|6=0");
        assertThat(events).containsExactly("rejected 1 NEW UNKNOWN_SYMBOL 1");
        events.clear();
        final FixOrder other = orders.track(2);
        other.symbolId = 0;
        other.quantity = Q;
        report("37=NONE|11=gw-2|17=e2|150=8|39=8|103=99|58=Insufficient buying power|55=AAPL|54=1|38=1|14=0|151=0|6=0");
        assertThat(events).containsExactly("rejected 2 NEW INSUFFICIENT_FUNDS 99");
    }

    @Test
    void aCancelRejectLeavesTheOrderWorking()
    {
        report("37=B1|11=gw-1|17=e1|150=0|39=0|55=AAPL|54=1|38=300|14=0|151=300|6=0");
        orders.get(1).pendingRequest = 1;
        receive(OrderCancelRejectDecoder.MESSAGE_TYPE, "35=9|37=B1|11=gw-1:1|41=gw-1|39=0|434=1|102=0|58=too late");
        assertThat(events).contains("rejected 1 CANCEL ORDER_NOT_ACTIVE 0");
        assertThat(orders.get(1)).isNotNull();
    }

    @Test
    void aBusinessRejectOfACancelNamesTheCounterpartysReason()
    {
        receive(BusinessMessageRejectDecoder.MESSAGE_TYPE, "35=j|45=7|372=F|379=gw-1:1|380=3|58=no cancels");
        assertThat(events).containsExactly("rejected 1 CANCEL BROKER_REJECTED 3");
    }

    @Test
    void aSessionRejectRefusesTheOrderSentWithThatNumber()
    {
        sent.sent(9, 0, 1, CommandKind.NEW);
        receive(RejectDecoder.MESSAGE_TYPE, "35=3|45=9|371=54|372=D|373=1|58=Required tag missing");
        assertThat(events).containsExactly("rejected 1 NEW INVALID_ORDER 54");
    }

    @Test
    void doneForDayExpires()
    {
        report("37=B1|11=gw-1|17=e1|150=3|39=3|55=AAPL|54=1|38=300|14=0|151=0|6=0");
        assertThat(events).containsSubsequence("expired 1");
    }

    @Test
    void aStatusAnswerCompletesTheQuestionAndReportsNothing() throws Exception
    {
        final CompletableFuture<BrokerOrderStatus> answer = new CompletableFuture<>();
        queries.add(1, "gw-1", answer, Long.MAX_VALUE);
        report("37=B1|11=gw-1|17=e5|150=I|39=1|790=q1|55=AAPL|54=1|38=300|14=100|151=200|6=10");
        assertThat(events).isEmpty();
        final BrokerOrderStatus status = answer.getNow(null);
        assertThat(status.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(status.filled()).isEqualTo(100 * Q);
        assertThat(status.fills()).singleElement().satisfies(f -> assertThat(f.price()).isEqualTo(10 * P));
        // a later report of the same fill adds nothing (the resolver reports it from the answer)
        report("37=B1|11=gw-1|17=e2|150=F|39=1|55=AAPL|54=1|38=300|32=100|31=10|14=100|151=200|6=10");
        assertThat(events).filteredOn(e -> e.contains("fill")).isEmpty();
    }

    @Test
    void anUnknownOrderAnswerSaysTheBrokerHasNone()
    {
        final CompletableFuture<BrokerOrderStatus> answer = new CompletableFuture<>();
        queries.add(1, "gw-1", answer, Long.MAX_VALUE);
        report("37=NONE|11=gw-1|17=e5|150=I|39=8|103=5|790=q1|55=AAPL|54=1|14=0|151=0|6=0");
        assertThat(answer).isCompletedWithValue(null);
    }

    @Test
    void doneForDayEndsADayOrderOnly()
    {
        orders.get(1).timeInForce = io.ordergateway.core.domain.TimeInForce.GTC;
        report("37=B1|11=gw-1|17=e1|150=0|39=0|55=AAPL|54=1|38=300|14=0|151=300|6=0");
        report("37=B1|11=gw-1|17=e2|150=3|39=3|55=AAPL|54=1|38=300|14=0|151=300|6=0");
        assertThat(events).noneMatch(e -> e.startsWith("expired"));
        assertThat(orders.get(1).done).isFalse();
    }

    @Test
    void anAnsweredQuestionSettlesTheOrderSoItsLaterReportsAddNothing()
    {
        final CompletableFuture<BrokerOrderStatus> answer = new CompletableFuture<>();
        orders.get(1).pendingRequest = 1;
        queries.add(1, "gw-1", answer, Long.MAX_VALUE);
        report("37=B1|11=gw-1|17=e5|150=I|39=4|790=q1|55=AAPL|54=1|38=300|14=0|151=0|6=0");
        assertThat(answer.getNow(null).state()).isEqualTo(OrderState.CANCELED);
        report("37=B1|11=gw-1:1|41=gw-1|17=e2|150=4|39=4|55=AAPL|54=1|38=300|14=0|151=0|6=0");
        assertThat(events).isEmpty(); // the asker reports the cancel, once
        assertThat(orders.get(1).pendingRequest).isZero();
    }

    @Test
    void aRefusedStatusRequestIsNotTakenForStatusRequestsUnsupported()
    {
        final CompletableFuture<BrokerOrderStatus> answer = new CompletableFuture<>();
        queries.add(1, "gw-1", answer, Long.MAX_VALUE);
        receive(BusinessMessageRejectDecoder.MESSAGE_TYPE, "35=j|45=7|372=H|379=gw-1|380=4|58=busy");
        assertThat(answer).isCompletedExceptionally();
        assertThat(queries.unsupported()).isNull();
        receive(BusinessMessageRejectDecoder.MESSAGE_TYPE, "35=j|45=8|372=H|379=gw-1|380=3|58=no status requests");
        assertThat(queries.unsupported()).contains("no status requests");
    }

    @Test
    void aCorrectionOrBustIsNotBookedAsAFill()
    {
        report("37=B1|11=gw-1|17=e2|150=F|39=1|55=AAPL|54=1|38=300|32=100|31=10|14=100|151=200|6=10");
        report("37=B1|11=gw-1|17=e3|19=e2|150=G|39=1|55=AAPL|54=1|38=300|32=150|31=10|14=150|151=150|6=10");
        assertThat(events).filteredOn(e -> e.contains("fill")).hasSize(1);
    }

    @Test
    void reportsOfOtherSystemsAreIgnored()
    {
        report("37=X1|11=someone-else-7|17=e1|150=F|39=2|55=AAPL|54=1|38=5|32=5|31=10|14=5|151=0|6=10");
        assertThat(events).isEmpty();
    }

    private final class Recording implements BrokerEventSink
    {
        @Override
        public void acknowledged(final long orderId, final long brokerOrderId)
        {
            events.add("ack " + orderId + " " + brokerOrderId);
        }

        @Override
        public void rejected(final long orderId, final CommandKind command, final RejectReason reason,
            final int brokerCode)
        {
            events.add("rejected " + orderId + " " + command + " " + reason + " " + brokerCode);
        }

        @Override
        public void filled(final long orderId, final long fillId, final long quantity, final long price)
        {
            events.add(fillId + " fill " + orderId + " " + quantity + " " + price);
        }

        @Override
        public void canceled(final long orderId)
        {
            events.add("canceled " + orderId);
        }

        @Override
        public void replaced(final long orderId, final long quantity, final long limitPrice, final long stopPrice)
        {
            events.add("replaced " + orderId + " " + quantity + " " + limitPrice);
        }

        @Override
        public void expired(final long orderId)
        {
            events.add("expired " + orderId);
        }
    }
}
