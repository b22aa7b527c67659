package io.ordergateway.journal;

import io.ordergateway.journal.sbe.BooleanType;
import io.ordergateway.journal.sbe.BrokerAckEncoder;
import io.ordergateway.journal.sbe.BrokerBudgetEncoder;
import io.ordergateway.journal.sbe.BrokerRejectEncoder;
import io.ordergateway.journal.sbe.CancelConfirmedEncoder;
import io.ordergateway.journal.sbe.CommandKind;
import io.ordergateway.journal.sbe.ControlKind;
import io.ordergateway.journal.sbe.DetailField;
import io.ordergateway.journal.sbe.DocumentEndEncoder;
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
import io.ordergateway.journal.sbe.ProbeResultEncoder;
import io.ordergateway.journal.sbe.RefusalKind;
import io.ordergateway.journal.sbe.RejectCode;
import io.ordergateway.journal.sbe.ResumeAfterPause;
import io.ordergateway.journal.sbe.ReplaceConfirmedEncoder;
import io.ordergateway.journal.sbe.RoutingChangeEncoder;
import io.ordergateway.journal.sbe.RoutingChangeKind;
import io.ordergateway.journal.sbe.RoutingCommandEncoder;
import io.ordergateway.journal.sbe.RoutingCommandKind;
import io.ordergateway.journal.sbe.RoutingPolicy;
import io.ordergateway.journal.sbe.RoutingSetupEncoder;
import io.ordergateway.journal.sbe.SessionStartEncoder;
import io.ordergateway.journal.sbe.SettingsChangeEncoder;
import io.ordergateway.journal.sbe.Side;
import io.ordergateway.journal.sbe.TickEncoder;
import io.ordergateway.journal.sbe.TimeInForce;
import io.ordergateway.journal.sbe.TradingControlEncoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The journal's one encoder. A document is the records of one ring event, written together or not
 * at all: {@link #begin()}, one call per record, then {@link #commit()}. With
 * {@link JournalAdapter} it is the only user of the generated codecs.
 *
 * <p>Every document ends with a {@code DocumentEnd} record holding the CRC32C of the bytes before it
 * ({@link #commit()} adds it), so a reader finds a damaged document instead of misreading it.
 *
 * <p>Arguments mirror {@link JournalListener}: closed sets as their codes
 * ({@link JournalListener#NULL_CODE} when absent), prices and quantities as scaled longs. Encodes
 * into one reused buffer and allocates nothing, except for the rare records with groups (session
 * start, routing setup, settings). Single writer: the thread of the journal stage.
 */
public final class JournalPublisher
{
    private static final int CAPACITY = 64 * 1024;

    private final JournalWriter writer;
    private final byte[] bytes = new byte[CAPACITY];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
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
    private final RoutingChangeEncoder routingChange = new RoutingChangeEncoder();
    private final ProbeResultEncoder probeResult = new ProbeResultEncoder();
    private final RoutingCommandEncoder routingCommand = new RoutingCommandEncoder();
    private final BrokerBudgetEncoder brokerBudget = new BrokerBudgetEncoder();
    private final SettingsChangeEncoder settingsChange = new SettingsChangeEncoder();
    private final RoutingSetupEncoder routingSetup = new RoutingSetupEncoder();
    private final SessionStartEncoder sessionStart = new SessionStartEncoder();
    private final DocumentEndEncoder documentEnd = new DocumentEndEncoder();
    private final io.ordergateway.journal.sbe.BrokerTermsEncoder brokerTerms =
        new io.ordergateway.journal.sbe.BrokerTermsEncoder();
    private final io.ordergateway.journal.sbe.OrderAdoptedEncoder orderAdopted =
        new io.ordergateway.journal.sbe.OrderAdoptedEncoder();
    private final io.ordergateway.journal.sbe.ReconcileDifferenceEncoder reconcileDifference =
        new io.ordergateway.journal.sbe.ReconcileDifferenceEncoder();
    private final CRC32C checksum = new CRC32C();
    private int length;

    /** @param writer where documents go; from now on used only by this publisher's thread. */
    public JournalPublisher(final JournalWriter writer)
    {
        this.writer = writer;
    }

    /** Starts a document, dropping anything encoded since the last commit. @return this. */
    public JournalPublisher begin()
    {
        return rewind(0);
    }

    /** @param mark a {@link #length()} of this document: the records encoded after it are dropped. @return this. */
    public JournalPublisher rewind(final int mark)
    {
        length = mark;
        return this;
    }

    /**
     * @return bytes encoded into the current document; 0 if it has no record yet.
     */
    public int length()
    {
        return length;
    }

    /**
     * @return the current document's bytes, {@link #length()} of them from offset 0 (with its
     *         checksum once {@link #seal() sealed}): valid until the next record is encoded (for
     *         tests, benchmarks, and carrying documents elsewhere).
     */
    public DirectBuffer document()
    {
        return buffer;
    }

    /**
     * Appends the current document to the journal, if it has any record, and starts the next.
     *
     * @return the document's Chronicle index, or -1 if there was nothing to append.
     */
    public long commit()
    {
        if (length == 0)
        {
            return -1;
        }
        final long index = writer.append(bytes, 0, seal());
        length = 0;
        return index;
    }

    /**
     * Closes the current document with its checksum record, as {@link #commit()} does before it
     * appends: for a document carried elsewhere than this journal (and for benchmarks of reading).
     *
     * @return the document's length with the checksum record.
     */
    public int seal()
    {
        checksum.reset();
        checksum.update(bytes, 0, length);
        documentEnd.wrapAndApplyHeader(buffer, length, header).sequence(0).timestamp(0).orderId(0)
            .length(length).crc32c((int)checksum.getValue());
        length += MessageHeaderEncoder.ENCODED_LENGTH + documentEnd.encodedLength();
        return length;
    }

    /**
     * Creates the writer's appender on the calling thread (the one that commits).
     */
    public void prepare()
    {
        writer.prepare();
    }

    /**
     * Closes the journal.
     */
    public void close()
    {
        writer.close();
    }

    /**
     * The first record of a session.
     *
     * @param session who writes what follows.
     * @return this.
     */
    public JournalPublisher sessionStart(final SessionStart session)
    {
        final SessionStartEncoder e = sessionStart.wrapAndApplyHeader(buffer, length, header)
            .sequence(session.sequence()).timestamp(session.timestamp()).orderId(0)
            .schemaVersion(session.schemaVersion()).configurationDigest(session.configurationDigest());
        final SessionStartEncoder.BrokersEncoder brokers = e.brokersCount(session.brokers().size());
        for (final SessionStart.Broker b : session.brokers())
        {
            brokers.next().brokerId(b.id())
                .brokerName(clip(b.name(), SessionStartEncoder.BrokersEncoder.brokerNameLength()))
                .brokerType(clip(b.type(), SessionStartEncoder.BrokersEncoder.brokerTypeLength()));
        }
        final SessionStartEncoder.SymbolsEncoder symbols = e.symbolsCount(session.symbols().size());
        for (int id = 0; id < session.symbols().size(); id++)
        {
            symbols.next().symbolId(id)
                .symbolName(clip(session.symbols().get(id), SessionStartEncoder.SymbolsEncoder.symbolNameLength()));
        }
        e.instance(session.instance());
        return advance(e.encodedLength());
    }

    /**
     * A session's routing configuration.
     *
     * @param setup the configuration.
     * @return this.
     */
    public JournalPublisher routingSetup(final RoutingSetup setup)
    {
        final RoutingSetupEncoder e = routingSetup.wrapAndApplyHeader(buffer, length, header)
            .sequence(setup.sequence()).timestamp(setup.timestamp()).orderId(0)
            .defaultPolicy(policy(setup.defaultPolicy()))
            .failureThreshold(setup.failureThreshold())
            .breakerOpenNanos(setup.breakerOpenNanos())
            .recoveryNanos(setup.recoveryNanos())
            .holdDownNanos(setup.holdDownNanos())
            .sendTimeoutNanos(setup.sendTimeoutNanos())
            .failover(setup.failover() ? BooleanType.TRUE : BooleanType.FALSE)
            .resumeAfterPause(setup.resumeAfterPause() == RoutingSetup.RESUME_MANUAL ? ResumeAfterPause.MANUAL
                : ResumeAfterPause.AUTO);
        final RoutingSetupEncoder.BrokersEncoder brokers = e.brokersCount(setup.brokers().size());
        for (final RoutingSetup.Broker b : setup.brokers())
        {
            brokers.next().brokerId(b.id()).chainPosition(b.chainPosition()).weightPercent(b.weightPercent())
                .costBps(b.costBps())
                .apiRatePerSecond(b.apiRatePerSecond()).apiBurst(b.apiBurst());
        }
        final RoutingSetupEncoder.AccountPoliciesEncoder accounts =
            e.accountPoliciesCount(setup.accountPolicies().size());
        for (final Map.Entry<Integer, Integer> a : setup.accountPolicies().entrySet())
        {
            accounts.next().accountId(a.getKey()).policy(policy(a.getValue()));
        }
        final RoutingSetupEncoder.SymbolPoliciesEncoder symbols = e.symbolPoliciesCount(setup.symbolPolicies().size());
        for (final Map.Entry<Integer, Integer> s : setup.symbolPolicies().entrySet())
        {
            symbols.next().symbolId(s.getKey()).policy(policy(s.getValue()));
        }
        return advance(e.encodedLength());
    }

    /**
     * A new order as the strategy submitted it. See {@link OrderNewView} for the fields.
     *
     * @param sequence             ring sequence.
     * @param timestamp            event time.
     * @param orderId              the order.
     * @param accountId            its account.
     * @param strategyId           its strategy.
     * @param symbolId             its symbol's id.
     * @param symbolName           its symbol's name: {@link #symbolBytes(String)} of it (16 bytes, zero-padded).
     * @param side                 Side code.
     * @param orderType            OrderType code.
     * @param timeInForce          TimeInForce code.
     * @param orderClass           OrderClass code.
     * @param extendedHours        may execute outside regular hours.
     * @param quantity             scaled quantity.
     * @param limitPrice           or NULL.
     * @param stopPrice            or NULL.
     * @param trailPrice           or NULL.
     * @param trailPercent         or NULL.
     * @param takeProfitLimitPrice or NULL.
     * @param stopLossStopPrice    or NULL.
     * @param stopLossLimitPrice   or NULL.
     * @return this.
     */
    public JournalPublisher orderNew(
        final long sequence, final long timestamp, final long orderId, final int accountId, final int strategyId,
        final int symbolId, final byte[] symbolName, final int side, final int orderType, final int timeInForce,
        final int orderClass, final boolean extendedHours, final long quantity, final long limitPrice,
        final long stopPrice, final long trailPrice, final long trailPercent, final long takeProfitLimitPrice,
        final long stopLossStopPrice, final long stopLossLimitPrice)
    {
        orderNew.wrapAndApplyHeader(buffer, length, header)
            .sequence(sequence).timestamp(timestamp).orderId(orderId)
            .accountId(accountId)
            .strategyId(strategyId)
            .symbolId(symbolId)
            .putSymbolName(symbolName, 0)
            .side(side(side))
            .orderType(orderType == JournalListener.NULL_CODE ? OrderType.NULL_VAL : OrderType.get((short)orderType))
            .timeInForce(timeInForce == JournalListener.NULL_CODE ? TimeInForce.NULL_VAL
                : TimeInForce.get((short)timeInForce))
            .orderClass(orderClass == JournalListener.NULL_CODE ? OrderClass.NULL_VAL
                : OrderClass.get((short)orderClass))
            .extendedHours(bool(extendedHours))
            .quantity(quantity)
            .limitPrice(limitPrice)
            .stopPrice(stopPrice)
            .trailPrice(trailPrice)
            .trailPercent(trailPercent)
            .takeProfitLimitPrice(takeProfitLimitPrice)
            .stopLossStopPrice(stopLossStopPrice)
            .stopLossLimitPrice(stopLossLimitPrice);
        return advance(orderNew.encodedLength());
    }

    /**
     * @param sequence  ring sequence.
     * @param timestamp event time.
     * @param orderId   the order to cancel.
     * @return this.
     */
    public JournalPublisher orderCancel(final long sequence, final long timestamp, final long orderId)
    {
        orderCancel.wrapAndApplyHeader(buffer, length, header).sequence(sequence).timestamp(timestamp).orderId(orderId);
        return advance(orderCancel.encodedLength());
    }

    /**
     * @param sequence   ring sequence.
     * @param timestamp  event time.
     * @param orderId    the order to change.
     * @param quantity   new quantity.
     * @param limitPrice new limit price, or NULL.
     * @param stopPrice  new stop price, or NULL.
     * @return this.
     */
    public JournalPublisher orderReplace(
        final long sequence, final long timestamp, final long orderId, final long quantity, final long limitPrice,
        final long stopPrice)
    {
        orderReplace.wrapAndApplyHeader(buffer, length, header).sequence(sequence).timestamp(timestamp).orderId(orderId)
            .quantity(quantity).limitPrice(limitPrice).stopPrice(stopPrice);
        return advance(orderReplace.encodedLength());
    }

    /**
     * @param sequence  ring sequence.
     * @param timestamp event time.
     * @param orderId   the order.
     * @param command   CommandKind code.
     * @param reason    RejectReason code.
     * @param field     DetailField code.
     * @param value     the offending value.
     * @param bound     the limit it broke.
     * @return this.
     */
    public JournalPublisher orderDenied(
        final long sequence, final long timestamp, final long orderId, final int command, final int reason,
        final int field, final long value, final long bound)
    {
        orderDenied.wrapAndApplyHeader(buffer, length, header).sequence(sequence).timestamp(timestamp).orderId(orderId)
            .command(command(command))
            .reason(reason(reason))
            .field(field == JournalListener.NULL_CODE ? DetailField.NULL_VAL : DetailField.get((short)field))
            .value(value)
            .bound(bound);
        return advance(orderDenied.encodedLength());
    }

    /**
     * @param sequence  ring sequence.
     * @param timestamp event time.
     * @param orderId   the order.
     * @param brokerId  the broker chosen.
     * @param policy    RoutingPolicy code.
     * @return this.
     */
    public JournalPublisher
        orderRouted(final long sequence, final long timestamp, final long orderId, final int brokerId, final int policy)
    {
        orderRouted.wrapAndApplyHeader(buffer, length, header).sequence(sequence).timestamp(timestamp).orderId(orderId)
            .brokerId(brokerId).policy(policy(policy));
        return advance(orderRouted.encodedLength());
    }

    /**
     * @param sequence      ring sequence.
     * @param timestamp     event time.
     * @param orderId       the order.
     * @param brokerId      the broker.
     * @param command       CommandKind code.
     * @param clientOrderId the id's ASCII bytes.
     * @param idLength      how many of them.
     * @return this.
     */
    public JournalPublisher orderSent(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final int command,
        final byte[] clientOrderId, final int idLength)
    {
        orderSent.wrapAndApplyHeader(buffer, length, header).sequence(sequence).timestamp(timestamp).orderId(orderId)
            .brokerId(brokerId).command(command(command));
        // the id straight into the record, zero-padded: one copy, no scratch array
        final int field = length + MessageHeaderEncoder.ENCODED_LENGTH + OrderSentEncoder.clientOrderIdEncodingOffset();
        final int n = Math.min(idLength, OrderSentEncoder.clientOrderIdLength());
        buffer.putBytes(field, clientOrderId, 0, n);
        buffer.setMemory(field + n, OrderSentEncoder.clientOrderIdLength() - n, (byte)0);
        return advance(orderSent.encodedLength());
    }

    /**
     * @param sequence      ring sequence.
     * @param timestamp     event time.
     * @param orderId       the order.
     * @param brokerId      the broker.
     * @param brokerOrderId the broker's number for it.
     * @param state         OrderState code after.
     * @return this.
     */
    public JournalPublisher brokerAck(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final long brokerOrderId,
        final int state)
    {
        brokerAck.wrapAndApplyHeader(buffer, length, header).sequence(sequence).timestamp(timestamp).orderId(orderId)
            .brokerId(brokerId).brokerOrderId(brokerOrderId).state(state(state));
        return advance(brokerAck.encodedLength());
    }

    /**
     * @param sequence   ring sequence.
     * @param timestamp  event time.
     * @param orderId    the order.
     * @param brokerId   the broker.
     * @param command    CommandKind code of the refused command.
     * @param reason     RejectReason code.
     * @param brokerCode the broker's own code.
     * @param state      OrderState code after.
     * @param fromReconciliation found by start-up reconciliation (the command never took effect), not a
     *                   refusal by the broker now.
     * @return this.
     */
    public JournalPublisher brokerReject(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final int command,
        final int reason, final int brokerCode, final int state, final boolean fromReconciliation)
    {
        brokerReject.wrapAndApplyHeader(buffer, length, header).sequence(sequence).timestamp(timestamp).orderId(orderId)
            .brokerId(brokerId).command(command(command)).reason(reason(reason)).brokerCode(brokerCode)
            .state(state(state)).source(fromReconciliation ? FillSource.RECONCILIATION : FillSource.BROKER);
        return advance(brokerReject.encodedLength());
    }

    /**
     * An execution: a {@code Fill} when {@code complete}, else a {@code PartialFill}.
     *
     * @param complete           nothing is left open.
     * @param sequence           ring sequence.
     * @param timestamp          event time.
     * @param orderId            the order.
     * @param brokerId           the broker.
     * @param fillId             the broker's execution id.
     * @param side               Side code.
     * @param symbolId           the symbol.
     * @param lastQuantity       this execution's quantity.
     * @param lastPrice          its price.
     * @param cumQuantity        executed so far.
     * @param leavesQuantity     still open.
     * @param avgPrice           average price so far.
     * @param state              OrderState code after.
     * @param fromReconciliation found by start-up reconciliation, not the broker's stream.
     * @return this.
     */
    public JournalPublisher fill(
        final boolean complete, final long sequence, final long timestamp, final long orderId, final int brokerId,
        final long fillId, final int side, final int symbolId, final long lastQuantity, final long lastPrice,
        final long cumQuantity, final long leavesQuantity, final long avgPrice, final int state,
        final boolean fromReconciliation)
    {
        final FillSource source = fromReconciliation ? FillSource.RECONCILIATION : FillSource.BROKER;
        if (complete)
        {
            fill.wrapAndApplyHeader(buffer, length, header).sequence(sequence).timestamp(timestamp).orderId(orderId)
                .brokerId(brokerId).fillId(fillId).side(side(side)).symbolId(symbolId)
                .lastQuantity(lastQuantity).lastPrice(lastPrice).cumQuantity(cumQuantity).leavesQuantity(leavesQuantity)
                .avgPrice(avgPrice).state(state(state)).source(source);
            return advance(fill.encodedLength());
        }
        partialFill.wrapAndApplyHeader(buffer, length, header).sequence(sequence).timestamp(timestamp).orderId(orderId)
            .brokerId(brokerId).fillId(fillId).side(side(side)).symbolId(symbolId)
            .lastQuantity(lastQuantity).lastPrice(lastPrice).cumQuantity(cumQuantity).leavesQuantity(leavesQuantity)
            .avgPrice(avgPrice).state(state(state)).source(source);
        return advance(partialFill.encodedLength());
    }

    /**
     * @param sequence    ring sequence.
     * @param timestamp   event time.
     * @param orderId     the order.
     * @param brokerId    the broker.
     * @param cumQuantity executed before the cancel.
     * @param state       OrderState code after.
     * @return this.
     */
    public JournalPublisher cancelConfirmed(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final long cumQuantity,
        final int state)
    {
        cancelConfirmed.wrapAndApplyHeader(buffer, length, header).sequence(sequence).timestamp(timestamp)
            .orderId(orderId)
            .brokerId(brokerId).cumQuantity(cumQuantity).state(state(state));
        return advance(cancelConfirmed.encodedLength());
    }

    /**
     * @param sequence    ring sequence.
     * @param timestamp   event time.
     * @param orderId     the order.
     * @param brokerId    the broker.
     * @param cumQuantity executed before it expired.
     * @param state       OrderState code after.
     * @return this.
     */
    public JournalPublisher expired(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final long cumQuantity,
        final int state)
    {
        expired.wrapAndApplyHeader(buffer, length, header).sequence(sequence).timestamp(timestamp).orderId(orderId)
            .brokerId(brokerId).cumQuantity(cumQuantity).state(state(state));
        return advance(expired.encodedLength());
    }

    /**
     * @param sequence   ring sequence.
     * @param timestamp  event time.
     * @param orderId    the order.
     * @param brokerId   the broker.
     * @param quantity   quantity now.
     * @param limitPrice limit now, or NULL.
     * @param stopPrice  stop now, or NULL.
     * @param state      OrderState code after.
     * @return this.
     */
    public JournalPublisher replaceConfirmed(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final long quantity,
        final long limitPrice, final long stopPrice, final int state)
    {
        replaceConfirmed.wrapAndApplyHeader(buffer, length, header).sequence(sequence).timestamp(timestamp)
            .orderId(orderId)
            .brokerId(brokerId).quantity(quantity).limitPrice(limitPrice).stopPrice(stopPrice).state(state(state));
        return advance(replaceConfirmed.encodedLength());
    }

    /**
     * @param sequence      ring sequence.
     * @param timestamp     event time.
     * @param orderId       the order.
     * @param refusedRecord the type id of the refused record.
     * @param kind          RefusalKind code.
     * @param state         OrderState code, unchanged.
     * @return this.
     */
    public JournalPublisher eventRefused(
        final long sequence, final long timestamp, final long orderId, final int refusedRecord, final int kind,
        final int state)
    {
        eventRefused.wrapAndApplyHeader(buffer, length, header).sequence(sequence).timestamp(timestamp).orderId(orderId)
            .refusedTemplateId(refusedRecord)
            .kind(kind == JournalListener.NULL_CODE ? RefusalKind.NULL_VAL : RefusalKind.get((short)kind))
            .state(state(state));
        return advance(eventRefused.encodedLength());
    }

    /**
     * @param sequence  ring sequence.
     * @param timestamp event time.
     * @param control   ControlKind code.
     * @param accountId the account, -1 for all.
     * @param engaged   on or off.
     * @return this.
     */
    public JournalPublisher tradingControl(
        final long sequence, final long timestamp, final int control, final int accountId, final boolean engaged)
    {
        tradingControl.wrapAndApplyHeader(buffer, length, header).sequence(sequence).timestamp(timestamp).orderId(0)
            .control(control == JournalListener.NULL_CODE ? ControlKind.NULL_VAL : ControlKind.get((short)control))
            .accountId(accountId).engaged(bool(engaged));
        return advance(tradingControl.encodedLength());
    }

    /**
     * @param sequence  ring sequence.
     * @param timestamp event time.
     * @return this.
     */
    public JournalPublisher tick(final long sequence, final long timestamp)
    {
        tick.wrapAndApplyHeader(buffer, length, header).sequence(sequence).timestamp(timestamp).orderId(0);
        return advance(tick.encodedLength());
    }

    /**
     * @param sequence      ring sequence.
     * @param timestamp     event time.
     * @param orderId       the order behind it, or 0.
     * @param kind          RoutingChangeKind code.
     * @param brokerId      the broker.
     * @param otherBrokerId the broker before, or -1.
     * @param value         a count or an order id.
     * @return this.
     */
    public JournalPublisher routingChange(
        final long sequence, final long timestamp, final long orderId, final int kind, final int brokerId,
        final int otherBrokerId, final long value)
    {
        routingChange.wrapAndApplyHeader(buffer, length, header).sequence(sequence).timestamp(timestamp)
            .orderId(orderId)
            .kind(kind == JournalListener.NULL_CODE ? RoutingChangeKind.NULL_VAL : RoutingChangeKind.get((short)kind))
            .brokerId(brokerId).otherBrokerId(otherBrokerId).value(value);
        return advance(routingChange.encodedLength());
    }

    /**
     * @param sequence  ring sequence.
     * @param timestamp event time.
     * @param brokerId  the broker.
     * @param healthy   its answer.
     * @return this.
     */
    public JournalPublisher
        probeResult(final long sequence, final long timestamp, final int brokerId, final boolean healthy)
    {
        probeResult.wrapAndApplyHeader(buffer, length, header).sequence(sequence).timestamp(timestamp).orderId(0)
            .brokerId(brokerId).healthy(bool(healthy));
        return advance(probeResult.encodedLength());
    }

    /**
     * @param sequence  ring sequence.
     * @param timestamp event time.
     * @param command   RoutingCommand code.
     * @param brokerId  the broker.
     * @return this.
     */
    public JournalPublisher
        routingCommand(final long sequence, final long timestamp, final int command, final int brokerId)
    {
        routingCommand.wrapAndApplyHeader(buffer, length, header).sequence(sequence).timestamp(timestamp).orderId(0)
            .command(command == JournalListener.NULL_CODE ? RoutingCommandKind.NULL_VAL
                : RoutingCommandKind.get((short)command))
            .brokerId(brokerId);
        return advance(routingCommand.encodedLength());
    }

    /**
     * @param sequence  ring sequence.
     * @param timestamp event time.
     * @param version   the settings version.
     * @param settings  the settings as text.
     * @return this.
     */
    public JournalPublisher
        settingsChange(final long sequence, final long timestamp, final int version, final String settings)
    {
        settingsChange.wrapAndApplyHeader(buffer, length, header).sequence(sequence).timestamp(timestamp).orderId(0)
            .version(version).settings(settings);
        return advance(settingsChange.encodedLength());
    }

    /**
     * @param sequence   ring sequence.
     * @param timestamp  event time.
     * @param brokerId   the broker.
     * @param remaining  requests left.
     * @param resetNanos when its window resets, epoch nanoseconds.
     * @return this.
     */
    public JournalPublisher brokerBudget(
        final long sequence, final long timestamp, final int brokerId, final long remaining, final long resetNanos)
    {
        brokerBudget.wrapAndApplyHeader(buffer, length, header).sequence(sequence).timestamp(timestamp).orderId(0)
            .brokerId(brokerId).remaining(remaining).resetNanos(resetNanos);
        return advance(brokerBudget.encodedLength());
    }

    /**
     * What a broker accepts per symbol. Off the hot path (at connect and daily).
     *
     * @param terms the record.
     * @return this.
     */
    public JournalPublisher brokerTerms(final BrokerTermsRecord terms)
    {
        final io.ordergateway.journal.sbe.BrokerTermsEncoder e = brokerTerms.wrapAndApplyHeader(buffer, length, header)
            .sequence(terms.sequence()).timestamp(terms.timestamp()).orderId(0).brokerId(terms.brokerId());
        final io.ordergateway.journal.sbe.BrokerTermsEncoder.SymbolsEncoder lines =
            e.symbolsCount(terms.symbols().size());
        for (final BrokerTermsRecord.Line l : terms.symbols())
        {
            lines.next().symbolId(l.symbolId()).tradable(bool(l.tradable())).shortable(bool(l.shortable()))
                .easyToBorrow(bool(l.easyToBorrow())).fractionable(bool(l.fractionable()))
                .marginable(bool(l.marginable()));
        }
        return advance(e.encodedLength());
    }

    /**
     * An order at the broker the gateway never sent, adopted as EXTERNAL (off the hot path). The
     * fields are the schema's {@code OrderAdopted}; codes, NULL prices and {@code symbolName} as in
     * {@link #orderNew}.
     *
     * @return this.
     */
    public JournalPublisher orderAdopted(
        final long sequence, final long timestamp, final long orderId, final int accountId, final int brokerId,
        final int symbolId, final byte[] symbolName, final int side, final int orderType, final int timeInForce,
        final long quantity, final long limitPrice, final long stopPrice, final String brokerClientOrderId)
    {
        orderAdopted.wrapAndApplyHeader(buffer, length, header).sequence(sequence).timestamp(timestamp)
            .orderId(orderId).accountId(accountId).brokerId(brokerId).symbolId(symbolId).putSymbolName(symbolName, 0)
            .side(side(side))
            .orderType(orderType == JournalListener.NULL_CODE ? OrderType.NULL_VAL : OrderType.get((short)orderType))
            .timeInForce(timeInForce == JournalListener.NULL_CODE ? TimeInForce.NULL_VAL
                : TimeInForce.get((short)timeInForce))
            .quantity(quantity).limitPrice(limitPrice).stopPrice(stopPrice)
            .brokerClientOrderId(brokerClientOrderId == null ? "" : brokerClientOrderId);
        return advance(orderAdopted.encodedLength());
    }

    /**
     * A difference a running reconciliation confirmed, and the policy applied. The fields are the
     * schema's {@code ReconcileDifference}; {@code kind} and {@code policy} are its enums' codes.
     *
     * @return this.
     */
    public JournalPublisher reconcileDifference(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final int kind,
        final byte[] symbolName, final long gatewayQuantity, final long brokerQuantity, final int policy)
    {
        reconcileDifference.wrapAndApplyHeader(buffer, length, header).sequence(sequence).timestamp(timestamp)
            .orderId(orderId).brokerId(brokerId)
            .kind(io.ordergateway.journal.sbe.DifferenceKind.get((short)kind)).putSymbolName(symbolName, 0)
            .gatewayQuantity(gatewayQuantity).brokerQuantity(brokerQuantity)
            .policy(io.ordergateway.journal.sbe.DifferencePolicy.get((short)policy));
        return advance(reconcileDifference.encodedLength());
    }

    /**
     * A symbol's name as {@link #orderNew} takes it: its ASCII bytes, zero-padded to the record's
     * 16, computed once per symbol, so the hot path copies 16 bytes instead of encoding a string.
     *
     * @param name the symbol (at most 16 ASCII characters; longer names are cut).
     * @return the bytes.
     */
    public static byte[] symbolBytes(final String name)
    {
        final byte[] bytes = new byte[OrderNewEncoder.symbolNameLength()];
        final byte[] ascii = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, bytes, 0, Math.min(ascii.length, bytes.length));
        return bytes;
    }

    private JournalPublisher advance(final int bodyLength)
    {
        length += MessageHeaderEncoder.ENCODED_LENGTH + bodyLength;
        return this;
    }

    private static String clip(final String s, final int max)
    {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }

    private static BooleanType bool(final boolean value)
    {
        return value ? BooleanType.TRUE : BooleanType.FALSE;
    }

    private static Side side(final int code)
    {
        return code == JournalListener.NULL_CODE ? Side.NULL_VAL : Side.get((short)code);
    }

    private static OrderState state(final int code)
    {
        return code == JournalListener.NULL_CODE ? OrderState.NULL_VAL : OrderState.get((short)code);
    }

    private static CommandKind command(final int code)
    {
        return code == JournalListener.NULL_CODE ? CommandKind.NULL_VAL : CommandKind.get((short)code);
    }

    private static RejectCode reason(final int code)
    {
        return code == JournalListener.NULL_CODE ? RejectCode.NULL_VAL : RejectCode.get(code);
    }

    private static RoutingPolicy policy(final int code)
    {
        return code == JournalListener.NULL_CODE ? RoutingPolicy.NULL_VAL : RoutingPolicy.get((short)code);
    }
}
