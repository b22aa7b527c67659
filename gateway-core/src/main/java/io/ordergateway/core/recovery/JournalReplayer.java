package io.ordergateway.core.recovery;

import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.DetailField;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.core.metrics.GatewayMetrics;
import io.ordergateway.core.pipeline.EventType;
import io.ordergateway.core.pipeline.GatewayEvent;
import io.ordergateway.core.state.OrderStateStage;
import io.ordergateway.core.risk.TradingControl;
import io.ordergateway.core.state.Books;
import io.ordergateway.core.state.PortfolioSnapshot;
import io.ordergateway.core.routing.RoutingChangeKind;
import io.ordergateway.core.routing.RoutingCommand;
import io.ordergateway.journal.FillView;
import io.ordergateway.journal.JournalAdapter;
import io.ordergateway.journal.JournalException;
import io.ordergateway.journal.JournalListener;
import io.ordergateway.journal.JournalReader;
import io.ordergateway.journal.JournalRecordHandler;
import io.ordergateway.journal.OrderNewView;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Rebuilds orders and positions from a journal with the same state code the live gateway runs
 * ({@link OrderStateStage}). Each journal document is one ring event with the decisions taken on
 * it; the replayer turns it back into that event and applies it. The result equals the live state
 * at the same sequence (compare {@link PortfolioSnapshot#digest()}).
 *
 * <p>Symbols and broker ids come from the journal itself ({@link JournalLayout}), so a journal can
 * be replayed without the configuration that wrote it. A {@link JournalListener}: the
 * {@link JournalAdapter} decodes, this class only turns records back into events. Reads journals
 * of every schema version so far. Not thread safe.
 */
public final class JournalReplayer implements JournalListener
{
    private final SymbolTable symbols;
    private final OrderStateStage state;
    private final com.lmax.disruptor.EventHandler<GatewayEvent> target;
    private final boolean checkLayout;
    private final int brokers;
    private long highestOrderId;
    private final GatewayEvent event = new GatewayEvent();
    private final List<RoutingSwitch> journaledChanges = new ArrayList<>();
    private final JournalAdapter adapter = new JournalAdapter(this);
    private final JournalRecordHandler counting = this::onRecord;
    private long untilSequence = Long.MAX_VALUE;
    private long eventSequence = -1;
    private long lastSequence = -1;
    private boolean pending;
    private boolean stopped;
    private long records;
    private long events;

    /**
     * @param symbols the symbols by id, as the journal names them.
     * @param brokers how many brokers.
     */
    public JournalReplayer(final List<String> symbols, final int brokers)
    {
        this.symbols = new SymbolTable(symbols);
        final GatewayMetrics metrics = new GatewayMetrics(Math.max(1, brokers));
        this.state = new OrderStateStage(new Books(1 << 14, 1 << 16, brokers, new long[symbols.size()]), this.symbols,
            metrics);
        this.target = state;
        this.checkLayout = false;
        this.brokers = brokers;
    }

    /**
     * A replayer that applies the journal to a running gateway's own stages (restoring its state at
     * start), checking that the journal's symbols and brokers fit the gateway's configuration.
     *
     * @param target  where each rebuilt event goes.
     * @param symbols the gateway's symbols: every journaled order's symbol id must name the same symbol.
     * @param brokers the gateway's broker count: every journaled broker id must be below it.
     */
    public JournalReplayer(final com.lmax.disruptor.EventHandler<GatewayEvent> target, final SymbolTable symbols,
        final int brokers)
    {
        this.symbols = symbols;
        this.state = null;
        this.target = target;
        this.checkLayout = true;
        this.brokers = brokers;
    }

    /**
     * Replays a whole journal with a fresh replayer.
     *
     * @param directory the journal.
     * @return the state at its end.
     */
    public static PortfolioSnapshot replay(final Path directory)
    {
        final JournalLayout layout = JournalLayout.read(directory);
        final JournalReplayer replayer = new JournalReplayer(layout.symbols(), layout.brokers());
        try (JournalReader reader = new JournalReader(directory))
        {
            replayer.replay(reader, Long.MAX_VALUE);
        }
        return replayer.snapshot();
    }

    /**
     * Applies the journal's events with a ring sequence below {@code untilSequence}.
     *
     * @param reader        positioned where to start (usually the beginning).
     * @param untilSequence stop before the first event at or after this sequence.
     * @return records read.
     */
    public long replay(final JournalReader reader, final long untilSequence)
    {
        return replay(reader, untilSequence, records -> { });
    }

    /**
     * Applies the journal's events with a ring sequence below {@code untilSequence}, reporting progress.
     *
     * @param reader        positioned where to start (usually the beginning).
     * @param untilSequence stop before the first event at or after this sequence.
     * @param progress      told the records read so far, every few thousand documents.
     * @return records read.
     */
    public long replay(final JournalReader reader, final long untilSequence, final LongConsumer progress)
    {
        this.untilSequence = untilSequence;
        while (!stopped && reader.read(counting, 65_536) > 0)
        {
            progress.accept(records);
        }
        if (!stopped)
        {
            reader.verifyEnd(); // read to the end: nothing may lie beyond it
        }
        flush();
        return records;
    }

    /**
     * @return the state now; its sequence is the one replay stopped at.
     */
    public PortfolioSnapshot snapshot()
    {
        if (state == null)
        {
            throw new IllegalStateException("this replayer applies to a gateway's own stages: ask the gateway for a "
                + "snapshot");
        }
        return state.snapshot(untilSequence != Long.MAX_VALUE ? untilSequence : lastSequence + 1);
    }

    /** @return the highest order id of any new order replayed (0 if none). */
    public long highestOrderId()
    {
        return highestOrderId;
    }

    /** @return the sequence of the last event applied, -1 if none. */
    public long lastSequence()
    {
        return lastSequence;
    }

    /** @return records read so far. */
    public long records()
    {
        return records;
    }

    /** @return events applied so far. */
    public long events()
    {
        return events;
    }

    /** @return the symbols the replayer knows. */
    public SymbolTable symbols()
    {
        return symbols;
    }

    private void onRecord(
        final int templateId, final org.agrona.DirectBuffer buffer, final int offset, final int blockLength,
        final int version, final long index)
    {
        if (!stopped)
        {
            records++;
            adapter.onRecord(templateId, buffer, offset, blockLength, version, index);
        }
    }

    @Override
    public void onDocument(final long documentIndex)
    {
        flush(); // one document is one ring event: the previous one is complete
    }

    @Override
    public void onOrderNew(final OrderNewView d)
    {
        if (!begin(EventType.NEW_ORDER, d.sequence(), d.timestamp(), d.orderId()))
        {
            return;
        }
        final GatewayEvent e = event;
        e.accountId = d.accountId();
        e.strategyId = d.strategyId();
        e.symbolId = d.symbolId();
        e.side = Side.fromCode(d.side());
        e.orderType = OrderType.fromCode(d.orderType());
        e.timeInForce = TimeInForce.fromCode(d.timeInForce());
        e.orderClass = OrderClass.fromCode(d.orderClass());
        e.extendedHours = d.extendedHours();
        e.quantity = d.quantity();
        e.limitPrice = d.limitPrice();
        e.stopPrice = d.stopPrice();
        e.trailPrice = d.trailPrice();
        e.trailPercent = d.trailPercent();
        e.takeProfitLimitPrice = d.takeProfitLimitPrice();
        e.stopLossStopPrice = d.stopLossStopPrice();
        e.stopLossLimitPrice = d.stopLossLimitPrice();
        highestOrderId = Math.max(highestOrderId, d.orderId());
        if (checkLayout && symbols.contains(e.symbolId) && !symbols.name(e.symbolId).equals(d.symbolName()))
        {
            throw new JournalException("the journal's symbol " + e.symbolId + " is " + d.symbolName()
                + " but this gateway's symbol " + e.symbolId + " is " + symbols.name(e.symbolId)
                + ": configure the instruments in the order the journal was written with, or start on a new journal");
        }
    }

    @Override
    public void onOrderAdopted(final long sequence, final long timestamp, final long orderId, final int accountId,
        final int brokerId, final int symbolId, final String symbol, final int side, final int orderType,
        final int timeInForce, final long quantity, final long limitPrice, final long stopPrice,
        final String brokerClientOrderId)
    {
        if (!begin(EventType.EXTERNAL_ORDER, sequence, timestamp, orderId))
        {
            return;
        }
        final GatewayEvent e = event;
        e.accountId = accountId;
        e.brokerId = brokerId;
        e.symbolId = symbolId;
        e.side = Side.fromCode(side);
        e.orderType = OrderType.fromCode(orderType);
        e.timeInForce = TimeInForce.fromCode(timeInForce);
        e.orderClass = OrderClass.SIMPLE;
        e.quantity = quantity;
        e.limitPrice = limitPrice;
        e.stopPrice = stopPrice;
        e.attachment = brokerClientOrderId;
        highestOrderId = Math.max(highestOrderId, orderId);
        if (checkLayout && symbols.contains(symbolId) && !symbols.name(symbolId).equals(symbol))
        {
            throw new JournalException("the journal's symbol " + symbolId + " is " + symbol
                + " but this gateway's symbol " + symbolId + " is " + symbols.name(symbolId)
                + ": configure the instruments in the order the journal was written with, or start on a new journal");
        }
    }

    @Override
    public void onBrokerTerms(final io.ordergateway.journal.BrokerTermsRecord terms)
    {
        if (begin(EventType.BROKER_TERMS, terms.sequence(), terms.timestamp(), 0))
        {
            event.brokerId = terms.brokerId();
            event.attachment = terms;
        }
    }

    @Override
    public void onOrderCancel(final long sequence, final long timestamp, final long orderId)
    {
        begin(EventType.CANCEL, sequence, timestamp, orderId);
    }

    @Override
    public void onOrderReplace(
        final long sequence, final long timestamp, final long orderId, final long quantity, final long limitPrice,
        final long stopPrice)
    {
        if (begin(EventType.REPLACE, sequence, timestamp, orderId))
        {
            event.quantity = quantity;
            event.limitPrice = limitPrice;
            event.stopPrice = stopPrice;
        }
    }

    @Override
    public void onOrderDenied(
        final long sequence, final long timestamp, final long orderId, final int command, final int reason,
        final int field, final long value, final long bound)
    {
        if (pending)
        {
            final RejectReason why = RejectReason.fromCode(reason);
            event.deny(why != null ? why : RejectReason.INVALID_ORDER, DetailField.fromCode(field), value, bound);
        }
    }

    @Override
    public void onOrderRouted(final long sequence, final long timestamp, final long orderId, final int brokerId,
        final int policy)
    {
        if (checkLayout && brokerId >= brokers)
        {
            throw new JournalException("the journal routed order " + orderId + " to broker " + brokerId
                + " but this gateway has " + brokers
                + " broker(s): configure the brokers the journal was written with, or start on a new journal");
        }
        if (pending)
        {
            event.brokerId = brokerId;
            event.routingPolicyCode = policy;
        }
    }

    @Override
    public void onBrokerAck(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final long brokerOrderId,
        final int state)
    {
        if (begin(EventType.BROKER_ACK, sequence, timestamp, orderId))
        {
            event.brokerId = brokerId;
            event.brokerOrderId = brokerOrderId;
        }
    }

    @Override
    public void onBrokerReject(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final int command,
        final int reason, final int brokerCode, final int state, final boolean fromReconciliation)
    {
        if (begin(EventType.BROKER_REJECT, sequence, timestamp, orderId))
        {
            event.brokerId = brokerId;
            event.command = CommandKind.fromCode(command);
            event.brokerReason = RejectReason.fromCode(reason);
            event.brokerCode = brokerCode;
            event.fromReconciliation = fromReconciliation;
        }
    }

    @Override
    public void onFill(final FillView d)
    {
        if (begin(EventType.BROKER_FILL, d.sequence(), d.timestamp(), d.orderId()))
        {
            event.brokerId = d.brokerId();
            event.fillId = d.fillId();
            event.lastQuantity = d.lastQuantity();
            event.lastPrice = d.lastPrice();
            event.fromReconciliation = d.fromReconciliation();
        }
    }

    @Override
    public void onCancelConfirmed(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final long cumQuantity,
        final int state)
    {
        ended(EventType.BROKER_CANCELED, sequence, timestamp, orderId, brokerId);
    }

    @Override
    public void onExpired(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final long cumQuantity,
        final int state)
    {
        ended(EventType.BROKER_EXPIRED, sequence, timestamp, orderId, brokerId);
    }

    @Override
    public void onReplaceConfirmed(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final long quantity,
        final long limitPrice, final long stopPrice, final int state)
    {
        if (begin(EventType.BROKER_REPLACED, sequence, timestamp, orderId))
        {
            event.brokerId = brokerId;
            event.quantity = quantity;
            event.limitPrice = limitPrice;
            event.stopPrice = stopPrice;
        }
    }

    @Override
    public void onTradingControl(final long sequence, final long timestamp, final int control, final int accountId,
        final boolean engaged)
    {
        if (begin(EventType.CONTROL, sequence, timestamp, 0))
        {
            event.control = control == TradingControl.KILL_SWITCH.code() ? TradingControl.KILL_SWITCH
                : TradingControl.REDUCE_ONLY;
            event.accountId = accountId;
            event.controlEngaged = engaged;
        }
    }

    @Override
    public void onTick(final long sequence, final long timestamp)
    {
        begin(EventType.TICK, sequence, timestamp, 0);
    }

    @Override
    public void onProbeResult(final long sequence, final long timestamp, final int brokerId, final boolean healthy)
    {
        if (begin(EventType.PROBE_RESULT, sequence, timestamp, 0))
        {
            event.brokerId = brokerId;
            event.healthy = healthy;
        }
    }

    @Override
    public void onRoutingCommand(final long sequence, final long timestamp, final int command, final int brokerId)
    {
        if (begin(EventType.ROUTING_COMMAND, sequence, timestamp, 0))
        {
            event.brokerId = brokerId;
            event.routingCommand = RoutingCommand.fromCode(command);
        }
    }

    @Override
    public void onBrokerBudget(final long sequence, final long timestamp, final int brokerId, final long remaining,
        final long resetNanos)
    {
        if (begin(EventType.BROKER_BUDGET, sequence, timestamp, 0))
        {
            event.brokerId = brokerId;
            event.budgetRemaining = remaining;
            event.budgetResetNanos = resetNanos;
        }
    }

    @Override
    public void onRoutingChange(
        final long sequence, final long timestamp, final long orderId, final int kind, final int brokerId,
        final int otherBrokerId, final long value)
    {
        if (sequence < untilSequence)
        {
            journaledChanges.add(new
                RoutingSwitch(sequence, timestamp, RoutingChangeKind.fromCode(kind), brokerId, otherBrokerId, value));
        }
        // a decision: replay makes it again (and the caller can compare)
    }

    /**
     * One routing decision as journaled (or as replay made it).
     *
     * @param sequence  the event's sequence.
     * @param timestamp event time.
     * @param kind      what.
     * @param broker    which broker.
     * @param other     the broker before, or -1.
     * @param value     a count or an order id.
     */
    public record RoutingSwitch(long sequence, long timestamp, RoutingChangeKind kind, int broker, int other,
        long value)
    {
    }

    /**
     * @return the routing decisions the journal holds, in order (failures, breakers, failovers, pauses...).
     */
    public List<RoutingSwitch> journaledRoutingChanges()
    {
        return journaledChanges;
    }

    /**
     * An order the broker ended (canceled, expired): only its broker matters to the state.
     */
    private void ended(final EventType type, final long sequence, final long timestamp, final long orderId,
        final int brokerId)
    {
        if (begin(type, sequence, timestamp, orderId))
        {
            event.brokerId = brokerId;
        }
    }

    /**
     * Starts the event a document holds, unless replay has reached its end sequence.
     */
    private boolean begin(final EventType type, final long sequence, final long timestamp, final long orderId)
    {
        if (sequence >= untilSequence)
        {
            stopped = true;
            pending = false;
            return false;
        }
        event.reset();
        event.type = type;
        event.timestamp = timestamp;
        event.orderId = orderId;
        eventSequence = sequence;
        pending = true;
        return true;
    }

    private void flush()
    {
        if (pending)
        {
            try
            {
                target.onEvent(event, eventSequence, true);
            }
            catch (final RuntimeException ex)
            {
                throw ex;
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException("replay failed at sequence " + eventSequence, ex);
            }
            lastSequence = eventSequence;
            events++;
            pending = false;
        }
    }
}
