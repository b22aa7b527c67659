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
import io.ordergateway.core.state.AccountBook;
import io.ordergateway.core.state.OrderBook;
import io.ordergateway.core.state.PortfolioSnapshot;
import io.ordergateway.core.state.PositionBook;
import io.ordergateway.journal.JournalException;
import io.ordergateway.journal.JournalReader;
import io.ordergateway.journal.JournalRecordHandler;
import io.ordergateway.journal.sbe.*;
import org.agrona.DirectBuffer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Rebuilds orders and positions from a journal with the same state code the live gateway runs
 * ({@link OrderStateStage}). Each journal document is one ring event with the decisions taken on
 * it; the replayer turns it back into that event and applies it. The result equals the live state
 * at the same sequence (compare {@link PortfolioSnapshot#digest()}).
 *
 * <p>Symbols and broker ids come from the journal itself (a first pass over its {@code OrderNew}
 * and broker records), so a journal can be replayed without the configuration that wrote it.
 * Reads schema version 1 and 2 journals. Not thread safe.
 */
public final class JournalReplayer implements JournalRecordHandler
{
    private final SymbolTable symbols;
    private final OrderStateStage state;
    private final com.lmax.disruptor.EventHandler<GatewayEvent> target;
    private final boolean checkLayout;
    private final int brokers;
    private long highestOrderId;
    private final GatewayEvent event = new GatewayEvent();
    private final OrderNewDecoder orderNew = new OrderNewDecoder();
    private final OrderCancelDecoder orderCancel = new OrderCancelDecoder();
    private final OrderReplaceDecoder orderReplace = new OrderReplaceDecoder();
    private final OrderDeniedDecoder orderDenied = new OrderDeniedDecoder();
    private final OrderRoutedDecoder orderRouted = new OrderRoutedDecoder();
    private final io.ordergateway.journal.sbe.TickDecoder tick = new io.ordergateway.journal.sbe.TickDecoder();
    private final io.ordergateway.journal.sbe.ProbeResultDecoder probeResult = new io.ordergateway.journal.sbe.ProbeResultDecoder();
    private final io.ordergateway.journal.sbe.RoutingCommandDecoder routingCommand = new io.ordergateway.journal.sbe.RoutingCommandDecoder();
    private final io.ordergateway.journal.sbe.RoutingChangeDecoder routingChange = new io.ordergateway.journal.sbe.RoutingChangeDecoder();
    private final java.util.List<RoutingSwitch> journaledChanges = new java.util.ArrayList<>();
    private final io.ordergateway.journal.sbe.BrokerBudgetDecoder brokerBudget = new io.ordergateway.journal.sbe.BrokerBudgetDecoder();
    private final OrderSentDecoder orderSent = new OrderSentDecoder();
    private final BrokerAckDecoder brokerAck = new BrokerAckDecoder();
    private final BrokerRejectDecoder brokerReject = new BrokerRejectDecoder();
    private final PartialFillDecoder partialFill = new PartialFillDecoder();
    private final FillDecoder fill = new FillDecoder();
    private final CancelConfirmedDecoder cancelConfirmed = new CancelConfirmedDecoder();
    private final ExpiredDecoder expired = new ExpiredDecoder();
    private final ReplaceConfirmedDecoder replaceConfirmed = new ReplaceConfirmedDecoder();
    private final TradingControlDecoder tradingControl = new TradingControlDecoder();
    private long untilSequence = Long.MAX_VALUE;
    private long document = Long.MIN_VALUE;
    private long eventSequence = -1;
    private long lastSequence = -1;
    private boolean pending;
    private boolean stopped;
    private long records;
    private long events;

    /**
     * What a journal holds: its symbols by id and how many brokers it names.
     *
     * @param symbols symbol names by id.
     * @param brokers one more than the highest broker id seen.
     * @param records records read.
     * @param routing the routing configuration of the journal's first session, or null (journals before version 3).
     * @param sessions each session's routing configuration and the sequence its events start after, in order.
     */
    public record Layout(List<String> symbols, int brokers, long records, io.ordergateway.core.routing.RoutingConfig routing,
        List<Session> sessions)
    {
    }

    /**
     * One gateway session in a journal: from one start to the next.
     *
     * @param setupSequence the sequence of its RoutingSetup record (its events come after).
     * @param routing       its routing configuration.
     */
    public record Session(long setupSequence, io.ordergateway.core.routing.RoutingConfig routing)
    {
    }

    /**
     * @param symbols the symbols by id, as the journal names them.
     * @param brokers how many brokers.
     */
    public JournalReplayer(final List<String> symbols, final int brokers)
    {
        this.symbols = new SymbolTable(symbols);
        final GatewayMetrics metrics = new GatewayMetrics(Math.max(1, brokers));
        this.state = new OrderStateStage(new OrderBook(1 << 14, 1 << 16), new PositionBook(Math.max(1, brokers), symbols.size()),
            new AccountBook(new long[symbols.size()]), this.symbols, metrics);
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
    public JournalReplayer(final com.lmax.disruptor.EventHandler<GatewayEvent> target, final SymbolTable symbols, final int brokers)
    {
        this.symbols = symbols;
        this.state = null;
        this.target = target;
        this.checkLayout = true;
        this.brokers = brokers;
    }

    /**
     * Reads a journal once to learn its symbols and brokers.
     *
     * @param directory the journal.
     * @return its layout.
     * @throws JournalException if it cannot be read.
     */
    public static Layout layout(final Path directory)
    {
        final TreeMap<Integer, String> names = new TreeMap<>();
        final int[] maxBroker = {-1};
        final OrderNewDecoder decoder = new OrderNewDecoder();
        final OrderRoutedDecoder routed = new OrderRoutedDecoder();
        final long[] count = {0};
        final List<byte[]> setups = new ArrayList<>();
        final List<int[]> setupShapes = new ArrayList<>();
        try (JournalReader reader = new JournalReader(directory))
        {
            reader.readAll((templateId, buffer, offset, blockLength, version, index) ->
            {
                count[0]++;
                if (templateId == io.ordergateway.journal.sbe.RoutingSetupDecoder.TEMPLATE_ID)
                {
                    final byte[] copy = new byte[buffer.capacity() - offset];
                    buffer.getBytes(offset, copy);
                    setups.add(copy);
                    setupShapes.add(new int[] {blockLength, version});
                }
                if (templateId == OrderNewDecoder.TEMPLATE_ID)
                {
                    decoder.wrap(buffer, offset, blockLength, version);
                    if (decoder.symbolId() >= 0 && decoder.symbolId() < 1_000_000)
                    {
                        final String name = decoder.symbolName().trim();
                        if (!name.isEmpty())
                        {
                            names.putIfAbsent(decoder.symbolId(), name);
                        }
                    }
                }
                else if (templateId == OrderRoutedDecoder.TEMPLATE_ID)
                {
                    maxBroker[0] = Math.max(maxBroker[0], routed.wrap(buffer, offset, blockLength, version).brokerId());
                }
            });
        }
        final List<String> symbols = new ArrayList<>();
        for (int id = 0; names.isEmpty() ? id < 0 : id <= names.lastKey(); id++)
        {
            symbols.add(names.getOrDefault(id, "SYMBOL" + id)); // never traded: a placeholder keeps the ids aligned
        }
        final List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < setups.size(); i++)
        {
            final io.ordergateway.journal.sbe.RoutingSetupDecoder d = new io.ordergateway.journal.sbe.RoutingSetupDecoder()
                .wrap(new org.agrona.concurrent.UnsafeBuffer(setups.get(i)), 0, setupShapes.get(i)[0], setupShapes.get(i)[1]);
            final long sequence = d.sequence();
            final io.ordergateway.core.routing.RoutingConfig routing =
                io.ordergateway.core.routing.RoutingSetupCodec.decode(d, new SymbolTable(symbols), 100_000_000L);
            maxBroker[0] = Math.max(maxBroker[0], routing.chain().size() - 1);
            sessions.add(new Session(sequence, routing));
        }
        return new Layout(symbols, maxBroker[0] + 1, count[0], sessions.isEmpty() ? null : sessions.get(0).routing(), List.copyOf(sessions));
    }

    /**
     * Replays a whole journal with a fresh replayer.
     *
     * @param directory the journal.
     * @return the state at its end.
     */
    public static PortfolioSnapshot replay(final Path directory)
    {
        final Layout layout = layout(directory);
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
    public long replay(final JournalReader reader, final long untilSequence, final java.util.function.LongConsumer progress)
    {
        this.untilSequence = untilSequence;
        while (!stopped && reader.read(this, 65_536) > 0)
        {
            progress.accept(records);
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
            throw new IllegalStateException("this replayer applies to a gateway's own stages: ask the gateway for a snapshot");
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

    @Override
    public void onRecord(final int templateId, final DirectBuffer buffer, final int offset, final int blockLength, final int version,
        final long documentIndex)
    {
        if (stopped)
        {
            return;
        }
        records++;
        if (documentIndex != document)
        {
            flush();
            document = documentIndex;
        }
        final GatewayEvent e = event;
        switch (templateId)
        {
            case OrderNewDecoder.TEMPLATE_ID:
            {
                final OrderNewDecoder d = orderNew.wrap(buffer, offset, blockLength, version);
                if (!begin(EventType.NEW_ORDER, d.sequence(), d.timestamp(), d.orderId()))
                {
                    return;
                }
                e.accountId = d.accountId();
                e.strategyId = d.strategyId();
                e.symbolId = d.symbolId();
                e.side = Side.fromCode(d.side().value());
                e.orderType = OrderType.fromCode(d.orderType().value());
                e.timeInForce = TimeInForce.fromCode(d.timeInForce().value());
                e.orderClass = OrderClass.fromCode(d.orderClass().value());
                e.extendedHours = d.extendedHours() == BooleanType.TRUE;
                e.quantity = d.quantity();
                e.limitPrice = d.limitPrice();
                e.stopPrice = d.stopPrice();
                e.trailPrice = d.trailPrice();
                e.trailPercent = d.trailPercent();
                e.takeProfitLimitPrice = d.takeProfitLimitPrice();
                e.stopLossStopPrice = d.stopLossStopPrice();
                e.stopLossLimitPrice = d.stopLossLimitPrice();
                highestOrderId = Math.max(highestOrderId, d.orderId());
                if (checkLayout && symbols.contains(e.symbolId) && !symbols.name(e.symbolId).equals(d.symbolName().trim()))
                {
                    throw new JournalException("the journal's symbol " + e.symbolId + " is " + d.symbolName().trim()
                        + " but this gateway's symbol " + e.symbolId + " is " + symbols.name(e.symbolId)
                        + ": configure the instruments in the order the journal was written with, or start on a new journal");
                }
                break;
            }
            case OrderCancelDecoder.TEMPLATE_ID:
            {
                final OrderCancelDecoder d = orderCancel.wrap(buffer, offset, blockLength, version);
                begin(EventType.CANCEL, d.sequence(), d.timestamp(), d.orderId());
                break;
            }
            case OrderReplaceDecoder.TEMPLATE_ID:
            {
                final OrderReplaceDecoder d = orderReplace.wrap(buffer, offset, blockLength, version);
                if (begin(EventType.REPLACE, d.sequence(), d.timestamp(), d.orderId()))
                {
                    e.quantity = d.quantity();
                    e.limitPrice = d.limitPrice();
                    e.stopPrice = d.stopPrice();
                }
                break;
            }
            case OrderDeniedDecoder.TEMPLATE_ID:
            {
                final OrderDeniedDecoder d = orderDenied.wrap(buffer, offset, blockLength, version);
                final RejectReason reason = RejectReason.fromCode(d.reason().value());
                e.deny(reason != null ? reason : RejectReason.INVALID_ORDER, DetailField.fromCode(d.field().value()), d.value(), d.bound());
                break;
            }
            case OrderRoutedDecoder.TEMPLATE_ID:
            {
                final OrderRoutedDecoder d = orderRouted.wrap(buffer, offset, blockLength, version);
                if (checkLayout && d.brokerId() >= brokers)
                {
                    throw new JournalException("the journal routed order " + d.orderId() + " to broker " + d.brokerId() + " but this gateway has "
                        + brokers + " broker(s): configure the brokers the journal was written with, or start on a new journal");
                }
                e.brokerId = d.brokerId();
                e.routingPolicyCode = d.policy().value();
                break;
            }
            case OrderSentDecoder.TEMPLATE_ID:
                break; // the command was handed to its broker: nothing for the state to apply
            case BrokerAckDecoder.TEMPLATE_ID:
            {
                final BrokerAckDecoder d = brokerAck.wrap(buffer, offset, blockLength, version);
                if (begin(EventType.BROKER_ACK, d.sequence(), d.timestamp(), d.orderId()))
                {
                    e.brokerId = d.brokerId();
                    e.brokerOrderId = d.brokerOrderId();
                }
                break;
            }
            case BrokerRejectDecoder.TEMPLATE_ID:
            {
                final BrokerRejectDecoder d = brokerReject.wrap(buffer, offset, blockLength, version);
                if (begin(EventType.BROKER_REJECT, d.sequence(), d.timestamp(), d.orderId()))
                {
                    e.brokerId = d.brokerId();
                    e.command = CommandKind.fromCode(d.command().value());
                    e.brokerReason = RejectReason.fromCode(d.reason().value());
                    e.brokerCode = d.brokerCode();
                }
                break;
            }
            case PartialFillDecoder.TEMPLATE_ID:
            {
                final PartialFillDecoder d = partialFill.wrap(buffer, offset, blockLength, version);
                fill(d.sequence(), d.timestamp(), d.orderId(), d.brokerId(), d.fillId(), d.lastQuantity(), d.lastPrice(),
                    d.source() == FillSource.RECONCILIATION);
                break;
            }
            case FillDecoder.TEMPLATE_ID:
            {
                final FillDecoder d = fill.wrap(buffer, offset, blockLength, version);
                fill(d.sequence(), d.timestamp(), d.orderId(), d.brokerId(), d.fillId(), d.lastQuantity(), d.lastPrice(),
                    d.source() == FillSource.RECONCILIATION);
                break;
            }
            case CancelConfirmedDecoder.TEMPLATE_ID:
            {
                final CancelConfirmedDecoder d = cancelConfirmed.wrap(buffer, offset, blockLength, version);
                if (begin(EventType.BROKER_CANCELED, d.sequence(), d.timestamp(), d.orderId()))
                {
                    e.brokerId = d.brokerId();
                }
                break;
            }
            case ExpiredDecoder.TEMPLATE_ID:
            {
                final ExpiredDecoder d = expired.wrap(buffer, offset, blockLength, version);
                if (begin(EventType.BROKER_EXPIRED, d.sequence(), d.timestamp(), d.orderId()))
                {
                    e.brokerId = d.brokerId();
                }
                break;
            }
            case ReplaceConfirmedDecoder.TEMPLATE_ID:
            {
                final ReplaceConfirmedDecoder d = replaceConfirmed.wrap(buffer, offset, blockLength, version);
                if (begin(EventType.BROKER_REPLACED, d.sequence(), d.timestamp(), d.orderId()))
                {
                    e.brokerId = d.brokerId();
                    e.quantity = d.quantity();
                    e.limitPrice = d.limitPrice();
                    e.stopPrice = d.stopPrice();
                }
                break;
            }
            case TradingControlDecoder.TEMPLATE_ID:
            {
                final TradingControlDecoder d = tradingControl.wrap(buffer, offset, blockLength, version);
                if (begin(EventType.CONTROL, d.sequence(), d.timestamp(), 0))
                {
                    e.control = d.control() == ControlKind.KILL_SWITCH ? TradingControl.KILL_SWITCH : TradingControl.REDUCE_ONLY;
                    e.accountId = d.accountId();
                    e.controlEngaged = d.engaged() == BooleanType.TRUE;
                }
                break;
            }
            case io.ordergateway.journal.sbe.TickDecoder.TEMPLATE_ID:
            {
                final io.ordergateway.journal.sbe.TickDecoder d = tick.wrap(buffer, offset, blockLength, version);
                begin(EventType.TICK, d.sequence(), d.timestamp(), 0);
                break;
            }
            case io.ordergateway.journal.sbe.ProbeResultDecoder.TEMPLATE_ID:
            {
                final io.ordergateway.journal.sbe.ProbeResultDecoder d = probeResult.wrap(buffer, offset, blockLength, version);
                if (begin(EventType.PROBE_RESULT, d.sequence(), d.timestamp(), 0))
                {
                    e.brokerId = d.brokerId();
                    e.healthy = d.healthy() == BooleanType.TRUE;
                }
                break;
            }
            case io.ordergateway.journal.sbe.RoutingCommandDecoder.TEMPLATE_ID:
            {
                final io.ordergateway.journal.sbe.RoutingCommandDecoder d = routingCommand.wrap(buffer, offset, blockLength, version);
                if (begin(EventType.ROUTING_COMMAND, d.sequence(), d.timestamp(), 0))
                {
                    e.brokerId = d.brokerId();
                    e.routingCommand = io.ordergateway.core.routing.RoutingCommand.fromCode(d.commandRaw());
                }
                break;
            }
            case io.ordergateway.journal.sbe.BrokerBudgetDecoder.TEMPLATE_ID:
            {
                final io.ordergateway.journal.sbe.BrokerBudgetDecoder d = brokerBudget.wrap(buffer, offset, blockLength, version);
                if (begin(EventType.BROKER_BUDGET, d.sequence(), d.timestamp(), 0))
                {
                    e.brokerId = d.brokerId();
                    e.budgetRemaining = d.remaining();
                    e.budgetResetNanos = d.resetNanos();
                }
                break;
            }
            case io.ordergateway.journal.sbe.RoutingChangeDecoder.TEMPLATE_ID:
            {
                final io.ordergateway.journal.sbe.RoutingChangeDecoder d = routingChange.wrap(buffer, offset, blockLength, version);
                if (d.sequence() < untilSequence)
                {
                    journaledChanges.add(new RoutingSwitch(d.sequence(), d.timestamp(),
                        io.ordergateway.core.routing.RoutingChangeKind.fromCode(d.kindRaw()), d.brokerId(), d.otherBrokerId(), d.value()));
                }
                break; // a decision: replay makes it again (and the caller can compare)
            }
            default:
                break; // EventRefused, RoutingSetup and records of later versions: the code decides these itself
        }
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
    public record RoutingSwitch(long sequence, long timestamp, io.ordergateway.core.routing.RoutingChangeKind kind, int broker, int other,
        long value)
    {
    }

    /**
     * @return the routing decisions the journal holds, in order (failures, breakers, failovers, pauses...).
     */
    public java.util.List<RoutingSwitch> journaledRoutingChanges()
    {
        return journaledChanges;
    }

    private void fill(
        final long sequence, final long timestamp, final long orderId, final int brokerId, final long fillId, final long quantity,
        final long price, final boolean reconciliation)
    {
        if (begin(EventType.BROKER_FILL, sequence, timestamp, orderId))
        {
            event.brokerId = brokerId;
            event.fillId = fillId;
            event.lastQuantity = quantity;
            event.lastPrice = price;
            event.fromReconciliation = reconciliation;
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
