package io.ordergateway.core.pipeline;

import com.lmax.disruptor.EventHandler;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.DetailField;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.routing.RoutingChangeKind;
import io.ordergateway.core.routing.RoutingChanges;
import io.ordergateway.core.settings.RuntimeSettings;
import io.ordergateway.journal.IssuedOrderIds;
import io.ordergateway.journal.JournalListener;
import io.ordergateway.journal.JournalPublisher;
import io.ordergateway.journal.JournalRecords;
import io.ordergateway.journal.JournalWriter;
import io.ordergateway.journal.RoutingSetup;
import io.ordergateway.journal.SessionStart;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Stage 4: appends each event, with every decision taken on it, to the journal, before anything
 * reaches a broker (stage 5) or the strategy (stage 6): write-ahead.
 *
 * <p>Per batch: the events of one batch the stage agent took (the Disruptor's end-of-batch flag, or
 * the agent's batch limit) go into one document, appended at the batch's last event, so Chronicle's
 * cost per document (header, index, checksum) is paid once per batch. A lone order is a batch of
 * one: it is appended at once. The send stage is a group of its own behind this one, so it sees an
 * event only after the batch's document is appended. Readers tell the events of a document apart by
 * their records' sequence ({@code JournalAdapter}).
 *
 * <p>Records per event: a new order is {@code OrderNew} then {@code OrderDenied}, or
 * {@code OrderRouted} and {@code OrderSent}; a cancel or replace is its request record then
 * {@code OrderDenied} or {@code OrderSent}; a broker event is its record, then {@code EventRefused}
 * if the state stage did not apply it. Encodes into a reused buffer: allocates nothing.
 */
public final class JournalStage implements EventHandler<GatewayEvent>
{
    private static final byte[] NO_SYMBOL = JournalPublisher.symbolBytes("");
    /** A document this long is appended before the next event, so no event finds the encoder's buffer full. */
    private static final int FLUSH_AT = 16 * 1024;

    private final JournalPublisher publisher;
    private final ClientOrderIds clientOrderIds;
    /** Each symbol's name as the journal holds it, made once: the hot path copies 16 bytes. */
    private final byte[][] symbolNames;
    private final byte[] clientOrderId = new byte[ClientOrderIds.MAX_LENGTH];
    private final long sequenceBase;
    private final AtomicLong position = new AtomicLong();
    private long sequence;
    private IssuedOrderIds issuedIds;
    private SessionStart sessionStart;
    private RoutingSetup routingSetup;
    /**
     * The events in the open document (the events of one batch share one; none is open when this is empty), so a
     * failed append can deny its commands: none of them may be sent.
     */
    private final GatewayEvent[] inDocument = new GatewayEvent[GatewayPipeline.BATCH_LIMIT + 1];
    private int eventsInDocument;

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
    public JournalStage(final JournalWriter writer, final SymbolTable symbols, final ClientOrderIds clientOrderIds,
        final long sequenceBase)
    {
        this.sequenceBase = sequenceBase;
        this.publisher = new JournalPublisher(writer);
        this.symbolNames = new byte[symbols.size()][];
        for (int i = 0; i < symbolNames.length; i++)
        {
            symbolNames[i] = JournalPublisher.symbolBytes(symbols.name(i));
        }
        this.clientOrderIds = clientOrderIds;
    }

    /**
     * Keeps the journal's issued-ids mark ({@link IssuedOrderIds}) from now on, on this stage's thread.
     *
     * @param ids the mark of this journal's directory; closed with the journal.
     */
    public void issuedIds(final IssuedOrderIds ids)
    {
        this.issuedIds = ids;
    }

    /**
     * The document to append before the first event: the session's start and its routing setup,
     * written on this stage's thread (a Chronicle appender belongs to the thread that made it).
     *
     * @param session who writes this session's records.
     * @param setup   the session's routing configuration.
     */
    public void preamble(final SessionStart session, final RoutingSetup setup)
    {
        this.sessionStart = session;
        this.routingSetup = setup;
    }

    @Override
    public void onEvent(final GatewayEvent e, final long sequence, final boolean endOfBatch)
    {
        final JournalPublisher p = publisher;
        if (sessionStart != null || routingSetup != null)
        {
            if (eventsInDocument > 0)
            {
                commit(); // the preamble is a document of its own: what is open goes first
            }
            p.begin();
            if (sessionStart != null)
            {
                p.sessionStart(sessionStart);
            }
            if (routingSetup != null)
            {
                p.routingSetup(routingSetup);
            }
            p.commit();
            sessionStart = null;
            routingSetup = null;
        }
        this.sequence = sequenceBase + sequence;
        if (eventsInDocument > 0 && (p.length() >= FLUSH_AT || large(e.type) || eventsInDocument == inDocument.length))
        {
            commit(); // room for what comes, and a large record starts a new document (its batch's next ones join it)
        }
        if (eventsInDocument == 0)
        {
            p.begin();
        }
        final int before = p.length();
        inDocument[eventsInDocument++] = e;
        boolean encoded = false;
        try
        {
            encode(e);
            if (e.routingChanges.size() > 0)
            {
                if (p.length() == before)
                {
                    p.tick(this.sequence, e.timestamp); // a tick is journaled only when something was decided on it
                }
                routingChanges(e);
            }
            encoded = true;
        }
        finally
        {
            if (!encoded)
            {
                p.rewind(before); // none of a failed event's records: the batch's others are kept
                eventsInDocument--;
            }
            if (endOfBatch)
            {
                commit(); // the batch's events in one document, before the stage after this one sees any of them
            }
        }
    }

    /**
     * Appends the open document. If the append fails (a full disk faults the mapped write), every
     * command in it is denied before the stage after this one can see it: none is sent unjournaled.
     */
    private void commit()
    {
        try
        {
            if (publisher.commit() >= 0)
            {
                position.lazySet(position.get() + 1);
            }
        }
        catch (final Throwable t)
        {
            for (int i = 0; i < eventsInDocument; i++)
            {
                final GatewayEvent e = inDocument[i];
                if (e.type != null && e.type.isCommand() && !e.isDenied())
                {
                    e.deny(io.ordergateway.core.domain.RejectReason.INVALID_ORDER, DetailField.NONE, 0, 0);
                }
            }
            throw t;
        }
        finally
        {
            java.util.Arrays.fill(inDocument, 0, eventsInDocument, null);
            eventsInDocument = 0;
        }
    }

    private static boolean large(final EventType type)
    {
        return type == EventType.SETTINGS || type == EventType.BROKER_TERMS || type == EventType.EXTERNAL_ORDER;
    }

    /**
     * @return documents this stage appended this session (any thread; for live counters).
     */
    public long position()
    {
        return position.get();
    }

    private void routingChanges(final GatewayEvent e)
    {
        final RoutingChanges changes = e.routingChanges;
        for (int i = 0; i < changes.size(); i++)
        {
            final RoutingChangeKind kind = changes.kind(i);
            publisher.routingChange(sequence, e.timestamp, kind == RoutingChangeKind.TIMEOUT ? changes.value(i)
                : e.orderId, kind.code(), changes.broker(i), changes.other(i), changes.value(i));
        }
    }

    private void encode(final GatewayEvent e)
    {
        final JournalPublisher p = publisher;
        final long ts = e.timestamp;
        switch (e.type)
        {
            case NEW_ORDER:
                if (issuedIds != null)
                {
                    issuedIds.issuing(e.orderId); // the mark first: it never falls behind a journaled id
                }
                p.orderNew(sequence, ts, e.orderId, e.accountId, e.strategyId, e.symbolId,
                    e.symbolId >= 0 && e.symbolId < symbolNames.length ? symbolNames[e.symbolId] : NO_SYMBOL,
                    side(e.side), e.orderType == null ? JournalListener.NULL_CODE : e.orderType.code(),
                    e.timeInForce == null ? JournalListener.NULL_CODE : e.timeInForce.code(), e.orderClass == null
                    ? JournalListener.NULL_CODE : e.orderClass.code(), e.extendedHours, e.quantity, e.limitPrice,
                    e.stopPrice, e.trailPrice, e.trailPercent, e.takeProfitLimitPrice, e.stopLossStopPrice,
                    e.stopLossLimitPrice);
                decisions(e, CommandKind.NEW);
                break;
            case EXTERNAL_ORDER:
                if (issuedIds != null)
                {
                    issuedIds.issuing(e.orderId); // its id comes from the strategy's sequence
                }
                p.orderAdopted(sequence, ts, e.orderId, e.accountId, e.brokerId, e.symbolId, symbolName(e.symbolId),
                    side(e.side), e.orderType == null ? JournalListener.NULL_CODE : e.orderType.code(),
                    e.timeInForce == null ? JournalListener.NULL_CODE : e.timeInForce.code(), e.quantity,
                    e.limitPrice, e.stopPrice, (String)e.attachment);
                break;
            case BROKER_TERMS:
                p.brokerTerms(new io.ordergateway.journal.BrokerTermsRecord(sequence, ts, e.brokerId,
                    ((io.ordergateway.journal.BrokerTermsRecord)e.attachment).symbols()));
                break;
            case RECONCILE_DIFFERENCE:
                p.reconcileDifference(sequence, ts, e.orderId, e.brokerId, e.differenceKind, symbolName(e.symbolId),
                    e.quantity, e.lastQuantity, e.differencePolicy);
                break;
            case CANCEL:
                p.orderCancel(sequence, ts, e.orderId);
                decisions(e, CommandKind.CANCEL);
                break;
            case REPLACE:
                p.orderReplace(sequence, ts, e.orderId, e.quantity, e.limitPrice, e.stopPrice);
                decisions(e, CommandKind.REPLACE);
                break;
            case BROKER_ACK:
                p.brokerAck(sequence, ts, e.orderId, broker(e), e.brokerOrderId, state(e.stateAfter));
                refusal(e, JournalRecords.BROKER_ACK);
                break;
            case BROKER_REJECT:
                p.brokerReject(sequence, ts, e.orderId, broker(e), command(e.command),
                    e.brokerReason == null ? JournalListener.NULL_CODE : e.brokerReason.code(), e.brokerCode,
                    state(e.stateAfter), e.fromReconciliation);
                refusal(e, JournalRecords.BROKER_REJECT);
                break;
            case BROKER_FILL:
            {
                final boolean complete = e.refusal == EventRefusal.NONE && e.stateAfter == OrderState.FILLED;
                p.fill(complete, sequence, ts, e.orderId, broker(e), e.fillId, side(e.side), e.symbolId, e.lastQuantity,
                    e.lastPrice, e.cumQuantity, e.leavesQuantity, e.avgPrice, state(e.stateAfter),
                    e.fromReconciliation);
                refusal(e, complete ? JournalRecords.FILL : JournalRecords.PARTIAL_FILL);
                break;
            }
            case BROKER_CANCELED:
                p.cancelConfirmed(sequence, ts, e.orderId, broker(e), e.cumQuantity, state(e.stateAfter));
                refusal(e, JournalRecords.CANCEL_CONFIRMED);
                break;
            case BROKER_REPLACED:
                p.replaceConfirmed(sequence, ts, e.orderId, broker(e), e.quantity, e.limitPrice, e.stopPrice,
                    state(e.stateAfter));
                refusal(e, JournalRecords.REPLACE_CONFIRMED);
                break;
            case BROKER_EXPIRED:
                p.expired(sequence, ts, e.orderId, broker(e), e.cumQuantity, state(e.stateAfter));
                refusal(e, JournalRecords.EXPIRED);
                break;
            case CONTROL:
                p.tradingControl(sequence, ts, e.control == null ? JournalListener.NULL_CODE : e.control.code(),
                    e.accountId, e.controlEngaged);
                break;
            case PROBE_RESULT:
                p.probeResult(sequence, ts, e.brokerId, e.healthy);
                break;
            case SETTINGS:
                p.settingsChange(sequence, ts, (int)e.orderId,
                    ((RuntimeSettings)e.attachment).describe((int)e.orderId));
                break;
            case BROKER_BUDGET:
                p.brokerBudget(sequence, ts, e.brokerId, e.budgetRemaining, e.budgetResetNanos);
                break;
            case ROUTING_COMMAND:
                p.routingCommand(sequence, ts, e.routingCommand == null ? JournalListener.NULL_CODE
                    : e.routingCommand.code(), e.brokerId);
                break;
            default:
                break;
        }
    }

    private byte[] symbolName(final int symbolId)
    {
        return symbolId >= 0 && symbolId < symbolNames.length ? symbolNames[symbolId] : NO_SYMBOL;
    }

    private void decisions(final GatewayEvent e, final CommandKind command)
    {
        if (e.isDenied())
        {
            publisher.orderDenied(sequence, e.timestamp, e.orderId, command.code(), e.denyReason.code(),
                e.denyField.code(), e.denyValue, e.denyBound);
            return;
        }
        if (command == CommandKind.NEW)
        {
            publisher.orderRouted(sequence, e.timestamp, e.orderId, e.brokerId, e.routingPolicyCode);
        }
        final int idLength = clientOrderIds.format(e.orderId, clientOrderId, 0);
        publisher.orderSent(sequence, e.timestamp, e.orderId, e.brokerId, command.code(), clientOrderId, idLength);
    }

    private void refusal(final GatewayEvent e, final int recordType)
    {
        if (e.refusal != EventRefusal.NONE)
        {
            publisher.eventRefused(sequence, e.timestamp, e.orderId, recordType, e.refusal.ordinal(),
                state(e.stateAfter));
        }
    }

    private static int broker(final GatewayEvent e)
    {
        return Math.max(e.brokerId, 0);
    }

    private static int side(final Side side)
    {
        return side == null ? JournalListener.NULL_CODE : side.code();
    }

    private static int state(final OrderState state)
    {
        return state == null ? JournalListener.NULL_CODE : state.code();
    }

    private static int command(final CommandKind command)
    {
        return command == null ? JournalListener.NULL_CODE : command.code();
    }

    @Override
    public void onStart()
    {
        publisher.prepare(); // on this stage's thread: the appender belongs to it
    }

    @Override
    public void onShutdown()
    {
        if (eventsInDocument > 0)
        {
            commit(); // not expected: every batch ends with its last event's flag
        }
        publisher.close();
        if (issuedIds != null)
        {
            issuedIds.close();
        }
    }
}
