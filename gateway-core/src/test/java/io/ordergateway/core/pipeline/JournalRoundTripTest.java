package io.ordergateway.core.pipeline;

import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.DetailField;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.core.routing.RoutingPolicy;
import io.ordergateway.journal.JournalFiles;
import io.ordergateway.journal.JournalReader;
import io.ordergateway.journal.JournalWriter;
import io.ordergateway.journal.RecordFormatter;
import io.ordergateway.journal.sbe.BooleanType;
import io.ordergateway.journal.sbe.BrokerAckDecoder;
import io.ordergateway.journal.sbe.BrokerRejectDecoder;
import io.ordergateway.journal.sbe.CancelConfirmedDecoder;
import io.ordergateway.journal.sbe.EventRefusedDecoder;
import io.ordergateway.journal.sbe.ExpiredDecoder;
import io.ordergateway.journal.sbe.FillDecoder;
import io.ordergateway.journal.sbe.OrderDeniedDecoder;
import io.ordergateway.journal.sbe.OrderNewDecoder;
import io.ordergateway.journal.sbe.OrderReplaceDecoder;
import io.ordergateway.journal.sbe.OrderRoutedDecoder;
import io.ordergateway.journal.sbe.OrderSentDecoder;
import io.ordergateway.journal.sbe.PartialFillDecoder;
import io.ordergateway.journal.sbe.RefusalKind;
import io.ordergateway.journal.sbe.RejectCode;
import io.ordergateway.journal.sbe.ReplaceConfirmedDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every record type, written by the journal stage and read back from the Chronicle Queue equal.
 */
class JournalRoundTripTest
{
    @TempDir
    Path dir;

    private final List<UnsafeBuffer> records = new ArrayList<>();
    private final List<Integer> templates = new ArrayList<>();

    @Test
    void everyRecordTypeIsWrittenAndReadBackEqual()
    {
        final SymbolTable symbols = new SymbolTable(List.of("AAPL", "BRK.B"));
        long seq = 0;
        try (JournalWriter writer = new JournalWriter(dir, JournalFiles.DEFAULT_ROLL_CYCLE))
        {
            final JournalStage stage = new JournalStage(writer, symbols, new ClientOrderIds("gw1"));
            stage.onStart();

            final GatewayEvent routed = newOrder(7);
            routed.brokerId = 1;
            routed.routingPolicyCode = RoutingPolicy.ROUND_ROBIN.code();
            stage.onEvent(routed, seq++, true);

            final GatewayEvent denied = newOrder(8);
            denied.deny(RejectReason.INVALID_PRICE, DetailField.LIMIT_PRICE, -5, 0);
            stage.onEvent(denied, seq++, true);

            final GatewayEvent cancel = event(EventType.CANCEL, 7);
            cancel.brokerId = 1;
            stage.onEvent(cancel, seq++, true);

            final GatewayEvent replace = event(EventType.REPLACE, 7);
            replace.brokerId = 1;
            replace.quantity = 300;
            replace.limitPrice = 123;
            stage.onEvent(replace, seq++, true);

            final GatewayEvent ack = broker(EventType.BROKER_ACK, 7, OrderState.NEW);
            ack.brokerOrderId = 9999;
            stage.onEvent(ack, seq++, true);

            final GatewayEvent reject = broker(EventType.BROKER_REJECT, 7, OrderState.PARTIALLY_FILLED);
            reject.command = CommandKind.CANCEL;
            reject.brokerReason = RejectReason.ORDER_NOT_ACTIVE;
            reject.brokerCode = 42210000;
            stage.onEvent(reject, seq++, true);

            final GatewayEvent partial = fill(7, 40, OrderState.PARTIALLY_FILLED, 60);
            stage.onEvent(partial, seq++, true);
            final GatewayEvent full = fill(7, 60, OrderState.FILLED, 0);
            stage.onEvent(full, seq++, true);

            stage.onEvent(broker(EventType.BROKER_CANCELED, 7, OrderState.CANCELED), seq++, true);
            stage.onEvent(broker(EventType.BROKER_EXPIRED, 7, OrderState.EXPIRED), seq++, true);
            final GatewayEvent replaced = broker(EventType.BROKER_REPLACED, 7, OrderState.REPLACED);
            replaced.quantity = 300;
            replaced.limitPrice = 123;
            stage.onEvent(replaced, seq++, true);

            final GatewayEvent refused = broker(EventType.BROKER_ACK, 8, OrderState.FILLED);
            refused.refusal = EventRefusal.ILLEGAL_TRANSITION;
            stage.onEvent(refused, seq++, true);
        }

        try (JournalReader reader = new JournalReader(dir))
        {
            reader.readAll((templateId, buffer, offset, blockLength, version, index) ->
            {
                final byte[] copy = new byte[blockLength];
                buffer.getBytes(offset, copy);
                records.add(new UnsafeBuffer(copy));
                templates.add(templateId);
            });
        }

        final Set<String> names = new LinkedHashSet<>();
        templates.forEach(t -> names.add(RecordFormatter.recordName(t)));
        assertThat(names).containsExactlyInAnyOrder("OrderNew", "OrderRouted", "OrderSent", "OrderDenied",
            "OrderCancel", "OrderReplace", "BrokerAck", "BrokerReject", "PartialFill", "Fill", "CancelConfirmed",
            "Expired", "ReplaceConfirmed", "EventRefused");

        final OrderNewDecoder orderNew = new OrderNewDecoder().wrap(record(0, OrderNewDecoder.TEMPLATE_ID), 0,
            OrderNewDecoder.BLOCK_LENGTH, OrderNewDecoder.SCHEMA_VERSION);
        assertThat(orderNew.sequence()).isZero();
        assertThat(orderNew.timestamp()).isEqualTo(1_700_000_000_123_456_789L);
        assertThat(orderNew.orderId()).isEqualTo(7);
        assertThat(orderNew.accountId()).isEqualTo(3);
        assertThat(orderNew.strategyId()).isEqualTo(4);
        assertThat(orderNew.symbolId()).isEqualTo(1);
        assertThat(orderNew.symbolName().trim()).isEqualTo("BRK.B");
        assertThat(orderNew.side()).isEqualTo(io.ordergateway.journal.sbe.Side.SELL);
        assertThat(orderNew.orderType()).isEqualTo(io.ordergateway.journal.sbe.OrderType.STOP_LIMIT);
        assertThat(orderNew.timeInForce()).isEqualTo(io.ordergateway.journal.sbe.TimeInForce.GTC);
        assertThat(orderNew.orderClass()).isEqualTo(io.ordergateway.journal.sbe.OrderClass.SIMPLE);
        assertThat(orderNew.extendedHours()).isEqualTo(BooleanType.TRUE);
        assertThat(orderNew.quantity()).isEqualTo(1_500_000_000L);
        assertThat(orderNew.limitPrice()).isEqualTo(45_000_000_000L);
        assertThat(orderNew.stopPrice()).isEqualTo(45_100_000_000L);
        assertThat(orderNew.trailPrice()).isEqualTo(OrderNewDecoder.trailPriceNullValue());

        final OrderRoutedDecoder routedRecord =
            new OrderRoutedDecoder()
            .wrap(record(0, OrderRoutedDecoder.TEMPLATE_ID), 0, OrderRoutedDecoder.BLOCK_LENGTH, 1);
        assertThat(routedRecord.brokerId()).isEqualTo(1);
        assertThat(routedRecord.policy()).isEqualTo(io.ordergateway.journal.sbe.RoutingPolicy.ROUND_ROBIN);

        final OrderSentDecoder sent =
            new OrderSentDecoder().wrap(record(0, OrderSentDecoder.TEMPLATE_ID), 0, OrderSentDecoder.BLOCK_LENGTH, 1);
        assertThat(sent.clientOrderId().trim()).isEqualTo("gw1-7");
        assertThat(sent.command()).isEqualTo(io.ordergateway.journal.sbe.CommandKind.NEW);

        final OrderDeniedDecoder deniedRecord =
            new OrderDeniedDecoder()
            .wrap(record(0, OrderDeniedDecoder.TEMPLATE_ID), 0, OrderDeniedDecoder.BLOCK_LENGTH, 1);
        assertThat(deniedRecord.orderId()).isEqualTo(8);
        assertThat(deniedRecord.reason()).isEqualTo(RejectCode.INVALID_PRICE);
        assertThat(deniedRecord.field()).isEqualTo(io.ordergateway.journal.sbe.DetailField.LIMIT_PRICE);
        assertThat(deniedRecord.value()).isEqualTo(-5);

        final OrderSentDecoder cancelSent = new OrderSentDecoder().wrap(record(1, OrderSentDecoder.TEMPLATE_ID), 0,
            OrderSentDecoder.BLOCK_LENGTH, 1);
        assertThat(cancelSent.command()).isEqualTo(io.ordergateway.journal.sbe.CommandKind.CANCEL);

        final OrderReplaceDecoder replaceRecord =
            new OrderReplaceDecoder()
            .wrap(record(0, OrderReplaceDecoder.TEMPLATE_ID), 0, OrderReplaceDecoder.BLOCK_LENGTH, 1);
        assertThat(replaceRecord.quantity()).isEqualTo(300);
        assertThat(replaceRecord.limitPrice()).isEqualTo(123);

        final BrokerAckDecoder ackRecord =
            new BrokerAckDecoder().wrap(record(0, BrokerAckDecoder.TEMPLATE_ID), 0, BrokerAckDecoder.BLOCK_LENGTH, 1);
        assertThat(ackRecord.brokerOrderId()).isEqualTo(9999);
        assertThat(ackRecord.state()).isEqualTo(io.ordergateway.journal.sbe.OrderState.NEW);
        assertThat(ackRecord.brokerId()).isEqualTo(1);

        final BrokerRejectDecoder rejectRecord =
            new BrokerRejectDecoder()
            .wrap(record(0, BrokerRejectDecoder.TEMPLATE_ID), 0, BrokerRejectDecoder.BLOCK_LENGTH, 1);
        assertThat(rejectRecord.command()).isEqualTo(io.ordergateway.journal.sbe.CommandKind.CANCEL);
        assertThat(rejectRecord.reason()).isEqualTo(RejectCode.ORDER_NOT_ACTIVE);
        assertThat(rejectRecord.brokerCode()).isEqualTo(42210000);

        final PartialFillDecoder partialRecord =
            new PartialFillDecoder()
            .wrap(record(0, PartialFillDecoder.TEMPLATE_ID), 0, PartialFillDecoder.BLOCK_LENGTH, 1);
        assertThat(partialRecord.lastQuantity()).isEqualTo(40);
        assertThat(partialRecord.lastPrice()).isEqualTo(45_000_000_000L);
        assertThat(partialRecord.leavesQuantity()).isEqualTo(60);
        assertThat(partialRecord.fillId()).isEqualTo(1000 + 40);
        assertThat(partialRecord.side()).isEqualTo(io.ordergateway.journal.sbe.Side.SELL);

        final FillDecoder fillRecord =
            new FillDecoder().wrap(record(0, FillDecoder.TEMPLATE_ID), 0, FillDecoder.BLOCK_LENGTH, 1);
        assertThat(fillRecord.lastQuantity()).isEqualTo(60);
        assertThat(fillRecord.cumQuantity()).isEqualTo(100);
        assertThat(fillRecord.state()).isEqualTo(io.ordergateway.journal.sbe.OrderState.FILLED);

        assertThat(new CancelConfirmedDecoder().wrap(record(0, CancelConfirmedDecoder.TEMPLATE_ID), 0,
            CancelConfirmedDecoder.BLOCK_LENGTH, 1).state()).isEqualTo(io.ordergateway.journal.sbe.OrderState.CANCELED);
        assertThat(new ExpiredDecoder().wrap(record(0, ExpiredDecoder.TEMPLATE_ID), 0, ExpiredDecoder.BLOCK_LENGTH, 1)
            .state())
            .isEqualTo(io.ordergateway.journal.sbe.OrderState.EXPIRED);
        final ReplaceConfirmedDecoder replacedRecord =
            new ReplaceConfirmedDecoder()
            .wrap(record(0, ReplaceConfirmedDecoder.TEMPLATE_ID), 0, ReplaceConfirmedDecoder.BLOCK_LENGTH, 1);
        assertThat(replacedRecord.quantity()).isEqualTo(300);
        assertThat(replacedRecord.limitPrice()).isEqualTo(123);

        final EventRefusedDecoder refusedRecord =
            new EventRefusedDecoder()
            .wrap(record(0, EventRefusedDecoder.TEMPLATE_ID), 0, EventRefusedDecoder.BLOCK_LENGTH, 1);
        assertThat(refusedRecord.orderId()).isEqualTo(8);
        assertThat(refusedRecord.refusedTemplateId()).isEqualTo(BrokerAckDecoder.TEMPLATE_ID);
        assertThat(refusedRecord.kind()).isEqualTo(RefusalKind.ILLEGAL_TRANSITION);
    }

    private UnsafeBuffer record(final int occurrence, final int templateId)
    {
        int seen = 0;
        for (int i = 0; i < templates.size(); i++)
        {
            if (templates.get(i) == templateId && seen++ == occurrence)
            {
                return records.get(i);
            }
        }
        throw new AssertionError("no record #" + occurrence + " of " + RecordFormatter.recordName(templateId));
    }

    private static GatewayEvent event(final EventType type, final long orderId)
    {
        final GatewayEvent e = new GatewayEvent();
        e.reset();
        e.type = type;
        e.orderId = orderId;
        e.timestamp = 1_700_000_000_123_456_789L;
        return e;
    }

    private static GatewayEvent newOrder(final long orderId)
    {
        final GatewayEvent e = event(EventType.NEW_ORDER, orderId);
        e.accountId = 3;
        e.strategyId = 4;
        e.symbolId = 1;
        e.side = Side.SELL;
        e.orderType = OrderType.STOP_LIMIT;
        e.timeInForce = TimeInForce.GTC;
        e.orderClass = OrderClass.SIMPLE;
        e.extendedHours = true;
        e.quantity = 1_500_000_000L;
        e.limitPrice = 45_000_000_000L;
        e.stopPrice = 45_100_000_000L;
        return e;
    }

    private static GatewayEvent broker(final EventType type, final long orderId, final OrderState after)
    {
        final GatewayEvent e = event(type, orderId);
        e.brokerId = 1;
        e.stateAfter = after;
        e.side = Side.SELL;
        e.symbolId = 1;
        return e;
    }

    private static GatewayEvent fill(final long orderId, final long qty, final OrderState after, final long leaves)
    {
        final GatewayEvent e = broker(EventType.BROKER_FILL, orderId, after);
        e.fillId = 1000 + qty;
        e.lastQuantity = qty;
        e.lastPrice = 45_000_000_000L;
        e.cumQuantity = 100 - leaves;
        e.leavesQuantity = leaves;
        e.avgPrice = 45_000_000_000L;
        return e;
    }
}
