package io.ordergateway.core.pipeline;

import com.lmax.disruptor.EventHandler;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.journal.JournalWriter;
import io.ordergateway.journal.sbe.BooleanType;
import io.ordergateway.journal.sbe.BrokerAckEncoder;
import io.ordergateway.journal.sbe.BrokerRejectEncoder;
import io.ordergateway.journal.sbe.CancelConfirmedEncoder;
import io.ordergateway.journal.sbe.CommandKind;
import io.ordergateway.journal.sbe.ControlKind;
import io.ordergateway.journal.sbe.TradingControlEncoder;
import io.ordergateway.journal.sbe.DetailField;
import io.ordergateway.journal.sbe.EventRefusedEncoder;
import io.ordergateway.journal.sbe.ExpiredEncoder;
import io.ordergateway.journal.sbe.FillEncoder;
import io.ordergateway.journal.sbe.FillSource;
import io.ordergateway.journal.sbe.MessageHeaderEncoder;
import io.ordergateway.journal.sbe.OrderCancelEncoder;
import io.ordergateway.journal.sbe.OrderClass;
import io.ordergateway.journal.sbe.OrderDeniedEncoder;
import io.ordergateway.journal.sbe.OrderNewEncoder;
import io.ordergateway.journal.sbe.OrderReplaceEncoder;
import io.ordergateway.journal.sbe.OrderRoutedEncoder;
import io.ordergateway.journal.sbe.OrderSentEncoder;
import io.ordergateway.journal.sbe.OrderState;
import io.ordergateway.journal.sbe.OrderType;
import io.ordergateway.journal.sbe.PartialFillEncoder;
import io.ordergateway.journal.sbe.RefusalKind;
import io.ordergateway.journal.sbe.RejectCode;
import io.ordergateway.journal.sbe.ReplaceConfirmedEncoder;
import io.ordergateway.journal.sbe.ProbeResultEncoder;
import io.ordergateway.journal.sbe.RoutingChangeEncoder;
import io.ordergateway.journal.sbe.RoutingChangeKind;
import io.ordergateway.journal.sbe.RoutingCommandEncoder;
import io.ordergateway.journal.sbe.RoutingCommandKind;
import io.ordergateway.journal.sbe.RoutingPolicy;
import io.ordergateway.journal.sbe.TickEncoder;
import io.ordergateway.journal.sbe.Side;
import io.ordergateway.journal.sbe.TimeInForce;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * Stage 4: appends each event, with every decision taken on it, to the journal as one document,
 * before anything reaches a broker (stage 5) or the strategy (stage 6): write-ahead.
 *
 * <p>Records per event: a new order is {@code OrderNew} then {@code OrderDenied}, or
 * {@code OrderRouted} and {@code OrderSent}; a cancel or replace is its request record then
 * {@code OrderDenied} or {@code OrderSent}; a broker event is its record, then {@code EventRefused}
 * if the state stage did not apply it. Encodes into a reused buffer: allocates nothing.
 */
public final class JournalStage implements EventHandler<GatewayEvent>
{
    private final JournalWriter writer;
    private final SymbolTable symbols;
    private final ClientOrderIds clientOrderIds;
    private final byte[] bytes = new byte[2048];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
    private final byte[] clientOrderId = new byte[ClientOrderIds.MAX_LENGTH];
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final OrderNewEncoder orderNew = new OrderNewEncoder();
    private final OrderCancelEncoder orderCancel = new OrderCancelEncoder();
    private final OrderReplaceEncoder orderReplace = new OrderReplaceEncoder();
    private final OrderDeniedEncoder orderDenied = new OrderDeniedEncoder();
    private final OrderRoutedEncoder orderRouted = new OrderRoutedEncoder();
    private final OrderSentEncoder orderSent = new OrderSentEncoder();
    private final BrokerAckEncoder brokerAck = new BrokerAckEncoder();
    private final BrokerRejectEncoder brokerReject = new BrokerRejectEncoder();
    private final PartialFillEncoder partialFill = new PartialFillEncoder();
    private final FillEncoder fill = new FillEncoder();
    private final CancelConfirmedEncoder cancelConfirmed = new CancelConfirmedEncoder();
    private final ExpiredEncoder expired = new ExpiredEncoder();
    private final ReplaceConfirmedEncoder replaceConfirmed = new ReplaceConfirmedEncoder();
    private final EventRefusedEncoder eventRefused = new EventRefusedEncoder();
    private final TradingControlEncoder tradingControl = new TradingControlEncoder();
    private final TickEncoder tick = new TickEncoder();
    private final io.ordergateway.journal.sbe.BrokerBudgetEncoder brokerBudget = new io.ordergateway.journal.sbe.BrokerBudgetEncoder();
    private final io.ordergateway.journal.sbe.SettingsChangeEncoder settingsChange = new io.ordergateway.journal.sbe.SettingsChangeEncoder();
    private final RoutingChangeEncoder routingChange = new RoutingChangeEncoder();
    private final ProbeResultEncoder probeResult = new ProbeResultEncoder();
    private final RoutingCommandEncoder routingCommand = new RoutingCommandEncoder();
    private final long sequenceBase;
    private long sequence;
    private byte[] preamble;
    private final java.util.concurrent.atomic.AtomicLong position = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param writer         the journal, used only from this stage's thread from now on.
     * @param symbols        for the symbol names in {@code OrderNew}.
     * @param clientOrderIds for the client order ids in {@code OrderSent}.
     */
    public JournalStage(final JournalWriter writer, final SymbolTable symbols, final ClientOrderIds clientOrderIds)
    {
        this(writer, symbols, clientOrderIds, 0);
    }

    /**
     * @param writer         the journal, used only from this stage's thread from now on.
     * @param symbols        for the symbol names in {@code OrderNew}.
     * @param clientOrderIds for the client order ids in {@code OrderSent}.
     * @param sequenceBase   added to ring sequences, so a restarted gateway's records continue the journal's sequence.
     */
    public JournalStage(final JournalWriter writer, final SymbolTable symbols, final ClientOrderIds clientOrderIds, final long sequenceBase)
    {
        this.sequenceBase = sequenceBase;
        this.writer = writer;
        this.symbols = symbols;
        this.clientOrderIds = clientOrderIds;
    }

    /**
     * A document to append before the first event (the session's routing setup), on this stage's
     * thread: a Chronicle appender belongs to the thread that made it.
     *
     * @param document the encoded records.
     */
    public void preamble(final byte[] document)
    {
        this.preamble = document;
    }

    @Override
    public void onEvent(final GatewayEvent e, final long sequence, final boolean endOfBatch)
    {
        if (preamble != null)
        {
            writer.append(preamble, 0, preamble.length);
            preamble = null;
        }
        this.sequence = sequenceBase + sequence;
        int length = encode(e, 0);
        if (e.routingChanges.size() > 0)
        {
            if (length == 0)
            {
                length = tick(e, 0); // a tick is journaled only when something was decided on it
            }
            length = routingChanges(e, length);
        }
        if (length > 0)
        {
            writer.append(bytes, 0, length);
            position.lazySet(position.get() + 1);
        }
    }

    /**
     * @return documents this stage appended this session (any thread; for live counters).
     */
    public long position()
    {
        return position.get();
    }

    private int tick(final GatewayEvent e, final int offset)
    {
        tick.wrapAndApplyHeader(buffer, offset, header).sequence(sequence).timestamp(e.timestamp).orderId(0);
        return offset + MessageHeaderEncoder.ENCODED_LENGTH + tick.encodedLength();
    }

    private int routingChanges(final GatewayEvent e, final int offset)
    {
        int end = offset;
        final io.ordergateway.core.routing.RoutingChanges changes = e.routingChanges;
        for (int i = 0; i < changes.size(); i++)
        {
            routingChange.wrapAndApplyHeader(buffer, end, header)
                .sequence(sequence).timestamp(e.timestamp)
                .orderId(changes.kind(i) == io.ordergateway.core.routing.RoutingChangeKind.TIMEOUT ? changes.value(i) : e.orderId)
                .kind(RoutingChangeKind.get((short)changes.kind(i).code()))
                .brokerId(changes.broker(i))
                .otherBrokerId(changes.other(i))
                .value(changes.value(i));
            end += MessageHeaderEncoder.ENCODED_LENGTH + routingChange.encodedLength();
        }
        return end;
    }

    private int encode(final GatewayEvent e, final int offset)
    {
        switch (e.type)
        {
            case NEW_ORDER:
                return decisions(e, offset + orderNew(e, offset), io.ordergateway.core.domain.CommandKind.NEW);
            case CANCEL:
                return decisions(e, offset + orderCancel(e, offset), io.ordergateway.core.domain.CommandKind.CANCEL);
            case REPLACE:
                return decisions(e, offset + orderReplace(e, offset), io.ordergateway.core.domain.CommandKind.REPLACE);
            case BROKER_ACK:
                return refusal(e, offset + brokerAck(e, offset), BrokerAckEncoder.TEMPLATE_ID);
            case BROKER_REJECT:
                return refusal(e, offset + brokerReject(e, offset), BrokerRejectEncoder.TEMPLATE_ID);
            case BROKER_FILL:
                return brokerFill(e, offset);
            case BROKER_CANCELED:
                return refusal(e, offset + cancelConfirmed(e, offset), CancelConfirmedEncoder.TEMPLATE_ID);
            case BROKER_REPLACED:
                return refusal(e, offset + replaceConfirmed(e, offset), ReplaceConfirmedEncoder.TEMPLATE_ID);
            case BROKER_EXPIRED:
                return refusal(e, offset + expired(e, offset), ExpiredEncoder.TEMPLATE_ID);
            case CONTROL:
                return offset + control(e, offset);
            case PROBE_RESULT:
                probeResult.wrapAndApplyHeader(buffer, offset, header)
                    .sequence(sequence).timestamp(e.timestamp).orderId(0)
                    .brokerId(e.brokerId).healthy(e.healthy ? BooleanType.TRUE : BooleanType.FALSE);
                return offset + MessageHeaderEncoder.ENCODED_LENGTH + probeResult.encodedLength();
            case SETTINGS:
            {
                final String text = ((io.ordergateway.core.settings.RuntimeSettings)e.attachment).describe((int)e.orderId);
                settingsChange.wrapAndApplyHeader(buffer, offset, header)
                    .sequence(sequence).timestamp(e.timestamp).orderId(0).version((int)e.orderId).settings(text);
                return offset + MessageHeaderEncoder.ENCODED_LENGTH + settingsChange.encodedLength();
            }
            case BROKER_BUDGET:
                brokerBudget.wrapAndApplyHeader(buffer, offset, header)
                    .sequence(sequence).timestamp(e.timestamp).orderId(0)
                    .brokerId(e.brokerId).remaining(e.budgetRemaining).resetNanos(e.budgetResetNanos);
                return offset + MessageHeaderEncoder.ENCODED_LENGTH + brokerBudget.encodedLength();
            case ROUTING_COMMAND:
                routingCommand.wrapAndApplyHeader(buffer, offset, header)
                    .sequence(sequence).timestamp(e.timestamp).orderId(0)
                    .command(e.routingCommand == null ? RoutingCommandKind.NULL_VAL : RoutingCommandKind.get((short)e.routingCommand.code()))
                    .brokerId(e.brokerId);
                return offset + MessageHeaderEncoder.ENCODED_LENGTH + routingCommand.encodedLength();
            default:
                return 0;
        }
    }

    private int decisions(final GatewayEvent e, final int offset, final io.ordergateway.core.domain.CommandKind command)
    {
        int end = offset;
        if (e.isDenied())
        {
            orderDenied.wrapAndApplyHeader(buffer, end, header)
                .sequence(sequence).timestamp(e.timestamp).orderId(e.orderId)
                .command(commandKind(command))
                .reason(RejectCode.get(e.denyReason.code()))
                .field(DetailField.get((short)e.denyField.code()))
                .value(e.denyValue)
                .bound(e.denyBound);
            return end + MessageHeaderEncoder.ENCODED_LENGTH + orderDenied.encodedLength();
        }
        if (command == io.ordergateway.core.domain.CommandKind.NEW)
        {
            orderRouted.wrapAndApplyHeader(buffer, end, header)
                .sequence(sequence).timestamp(e.timestamp).orderId(e.orderId)
                .brokerId(e.brokerId)
                .policy(RoutingPolicy.get((short)e.routingPolicyCode));
            end += MessageHeaderEncoder.ENCODED_LENGTH + orderRouted.encodedLength();
        }
        final int idLength = clientOrderIds.format(e.orderId, clientOrderId, 0);
        Arrays.fill(clientOrderId, idLength, clientOrderId.length, (byte)0);
        orderSent.wrapAndApplyHeader(buffer, end, header)
            .sequence(sequence).timestamp(e.timestamp).orderId(e.orderId)
            .brokerId(e.brokerId)
            .command(commandKind(command))
            .putClientOrderId(clientOrderId, 0);
        return end + MessageHeaderEncoder.ENCODED_LENGTH + orderSent.encodedLength();
    }

    private int refusal(final GatewayEvent e, final int offset, final int templateId)
    {
        if (e.refusal == EventRefusal.NONE)
        {
            return offset;
        }
        eventRefused.wrapAndApplyHeader(buffer, offset, header)
            .sequence(sequence).timestamp(e.timestamp).orderId(e.orderId)
            .refusedTemplateId(templateId)
            .kind(RefusalKind.get((short)e.refusal.ordinal()))
            .state(state(e.stateAfter));
        return offset + MessageHeaderEncoder.ENCODED_LENGTH + eventRefused.encodedLength();
    }

    private int orderNew(final GatewayEvent e, final int offset)
    {
        orderNew.wrapAndApplyHeader(buffer, offset, header)
            .sequence(sequence).timestamp(e.timestamp).orderId(e.orderId)
            .accountId(e.accountId)
            .strategyId(e.strategyId)
            .symbolId(e.symbolId)
            .symbolName(symbols.contains(e.symbolId) ? symbols.name(e.symbolId) : "")
            .side(side(e.side))
            .orderType(e.orderType == null ? OrderType.NULL_VAL : OrderType.get((short)e.orderType.code()))
            .timeInForce(e.timeInForce == null ? TimeInForce.NULL_VAL : TimeInForce.get((short)e.timeInForce.code()))
            .orderClass(e.orderClass == null ? OrderClass.NULL_VAL : OrderClass.get((short)e.orderClass.code()))
            .extendedHours(e.extendedHours ? BooleanType.TRUE : BooleanType.FALSE)
            .quantity(e.quantity)
            .limitPrice(e.limitPrice)
            .stopPrice(e.stopPrice)
            .trailPrice(e.trailPrice)
            .trailPercent(e.trailPercent)
            .takeProfitLimitPrice(e.takeProfitLimitPrice)
            .stopLossStopPrice(e.stopLossStopPrice)
            .stopLossLimitPrice(e.stopLossLimitPrice);
        return MessageHeaderEncoder.ENCODED_LENGTH + orderNew.encodedLength();
    }

    private int orderCancel(final GatewayEvent e, final int offset)
    {
        orderCancel.wrapAndApplyHeader(buffer, offset, header)
            .sequence(sequence).timestamp(e.timestamp).orderId(e.orderId);
        return MessageHeaderEncoder.ENCODED_LENGTH + orderCancel.encodedLength();
    }

    private int orderReplace(final GatewayEvent e, final int offset)
    {
        orderReplace.wrapAndApplyHeader(buffer, offset, header)
            .sequence(sequence).timestamp(e.timestamp).orderId(e.orderId)
            .quantity(e.quantity)
            .limitPrice(e.limitPrice)
            .stopPrice(e.stopPrice);
        return MessageHeaderEncoder.ENCODED_LENGTH + orderReplace.encodedLength();
    }

    private int brokerAck(final GatewayEvent e, final int offset)
    {
        brokerAck.wrapAndApplyHeader(buffer, offset, header)
            .sequence(sequence).timestamp(e.timestamp).orderId(e.orderId)
            .brokerId(Math.max(e.brokerId, 0))
            .brokerOrderId(e.brokerOrderId)
            .state(state(e.stateAfter));
        return MessageHeaderEncoder.ENCODED_LENGTH + brokerAck.encodedLength();
    }

    private int brokerReject(final GatewayEvent e, final int offset)
    {
        brokerReject.wrapAndApplyHeader(buffer, offset, header)
            .sequence(sequence).timestamp(e.timestamp).orderId(e.orderId)
            .brokerId(Math.max(e.brokerId, 0))
            .command(commandKind(e.command))
            .reason(e.brokerReason == null ? RejectCode.NULL_VAL : RejectCode.get(e.brokerReason.code()))
            .brokerCode(e.brokerCode)
            .state(state(e.stateAfter));
        return MessageHeaderEncoder.ENCODED_LENGTH + brokerReject.encodedLength();
    }

    private int brokerFill(final GatewayEvent e, final int offset)
    {
        final int length;
        if (e.refusal == EventRefusal.NONE && e.stateAfter == io.ordergateway.core.domain.OrderState.FILLED)
        {
            fill.wrapAndApplyHeader(buffer, offset, header)
                .sequence(sequence).timestamp(e.timestamp).orderId(e.orderId)
                .brokerId(Math.max(e.brokerId, 0)).fillId(e.fillId).side(side(e.side)).symbolId(e.symbolId)
                .lastQuantity(e.lastQuantity).lastPrice(e.lastPrice)
                .cumQuantity(e.cumQuantity).leavesQuantity(e.leavesQuantity).avgPrice(e.avgPrice)
                .state(state(e.stateAfter))
                .source(e.fromReconciliation ? FillSource.RECONCILIATION : FillSource.BROKER);
            length = MessageHeaderEncoder.ENCODED_LENGTH + fill.encodedLength();
            return refusal(e, offset + length, FillEncoder.TEMPLATE_ID);
        }
        partialFill.wrapAndApplyHeader(buffer, offset, header)
            .sequence(sequence).timestamp(e.timestamp).orderId(e.orderId)
            .brokerId(Math.max(e.brokerId, 0)).fillId(e.fillId).side(side(e.side)).symbolId(e.symbolId)
            .lastQuantity(e.lastQuantity).lastPrice(e.lastPrice)
            .cumQuantity(e.cumQuantity).leavesQuantity(e.leavesQuantity).avgPrice(e.avgPrice)
            .state(state(e.stateAfter))
            .source(e.fromReconciliation ? FillSource.RECONCILIATION : FillSource.BROKER);
        length = MessageHeaderEncoder.ENCODED_LENGTH + partialFill.encodedLength();
        return refusal(e, offset + length, PartialFillEncoder.TEMPLATE_ID);
    }

    private int cancelConfirmed(final GatewayEvent e, final int offset)
    {
        cancelConfirmed.wrapAndApplyHeader(buffer, offset, header)
            .sequence(sequence).timestamp(e.timestamp).orderId(e.orderId)
            .brokerId(Math.max(e.brokerId, 0))
            .cumQuantity(e.cumQuantity)
            .state(state(e.stateAfter));
        return MessageHeaderEncoder.ENCODED_LENGTH + cancelConfirmed.encodedLength();
    }

    private int expired(final GatewayEvent e, final int offset)
    {
        expired.wrapAndApplyHeader(buffer, offset, header)
            .sequence(sequence).timestamp(e.timestamp).orderId(e.orderId)
            .brokerId(Math.max(e.brokerId, 0))
            .cumQuantity(e.cumQuantity)
            .state(state(e.stateAfter));
        return MessageHeaderEncoder.ENCODED_LENGTH + expired.encodedLength();
    }

    private int replaceConfirmed(final GatewayEvent e, final int offset)
    {
        replaceConfirmed.wrapAndApplyHeader(buffer, offset, header)
            .sequence(sequence).timestamp(e.timestamp).orderId(e.orderId)
            .brokerId(Math.max(e.brokerId, 0))
            .quantity(e.quantity)
            .limitPrice(e.limitPrice)
            .stopPrice(e.stopPrice)
            .state(state(e.stateAfter));
        return MessageHeaderEncoder.ENCODED_LENGTH + replaceConfirmed.encodedLength();
    }

    private int control(final GatewayEvent e, final int offset)
    {
        tradingControl.wrapAndApplyHeader(buffer, offset, header)
            .sequence(sequence).timestamp(e.timestamp).orderId(0)
            .control(e.control == null ? ControlKind.NULL_VAL : ControlKind.get((short)e.control.code()))
            .accountId(e.accountId)
            .engaged(e.controlEngaged ? BooleanType.TRUE : BooleanType.FALSE);
        return MessageHeaderEncoder.ENCODED_LENGTH + tradingControl.encodedLength();
    }

    private static Side side(final io.ordergateway.core.domain.Side side)
    {
        return side == null ? Side.NULL_VAL : Side.get((short)side.code());
    }

    private static OrderState state(final io.ordergateway.core.domain.OrderState state)
    {
        return state == null ? OrderState.NULL_VAL : OrderState.get((short)state.code());
    }

    private static CommandKind commandKind(final io.ordergateway.core.domain.CommandKind command)
    {
        return command == null ? CommandKind.NULL_VAL : CommandKind.get((short)command.code());
    }

    @Override
    public void onStart()
    {
        writer.prepare(); // on this stage's thread: the appender belongs to it
    }

    @Override
    public void onShutdown()
    {
        writer.close();
    }
}
