package io.ordergateway.core.recovery;

import com.lmax.disruptor.EventHandler;
import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.ingress.RingBrokerEventSink;
import io.ordergateway.core.metrics.Alerts;
import io.ordergateway.core.pipeline.EventType;
import io.ordergateway.core.pipeline.GatewayEvent;
import io.ordergateway.core.state.OrderStateStage;
import io.ordergateway.journal.JournalFiles;
import io.ordergateway.journal.IssuedOrderIds;
import io.ordergateway.journal.JournalException;
import io.ordergateway.journal.JournalReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

/**
 * A gateway's start on an existing journal, in two steps the gateway takes before it trades:
 * {@link #restore} replays the journal into the gateway's own books (open orders, positions,
 * account exposure, trading controls, breakers and the failover chain, the order id sequence), and
 * {@link #reconcile} asks each broker about what the journal left working and plans the events the
 * journal lacks ({@link StartupReconciliation}); {@link #publish} then puts them into the ring,
 * marked as coming from reconciliation, before the brokers connect.
 */
public final class StartupRecovery
{
    private static final Logger LOG = LoggerFactory.getLogger(StartupRecovery.class);

    /**
     * What a restore found.
     *
     * @param nextSequence   where this session's journal records continue.
     * @param highestOrderId the last order id the journal holds (the next session's ids follow it).
     */
    public record Restored(long nextSequence, long highestOrderId)
    {
    }

    private StartupRecovery()
    {
    }

    /**
     * Replays the journal into the decision stages, before any thread starts. Journaled decisions are
     * applied as recorded (risk only takes the controls; it does not decide old orders again).
     *
     * @param journal the journal directory.
     * @param risk    the risk stage (takes trading controls).
     * @param route   the route stage (breakers, failover chain, orders in flight).
     * @param state   the state stage (orders, positions, exposure).
     * @param symbols the gateway's symbols.
     * @param brokers how many brokers.
     * @return where the journal continues.
     */
    public static Restored
        restore(final Path journal, final EventHandler<GatewayEvent> risk, final EventHandler<GatewayEvent> route,
        final OrderStateStage state, final SymbolTable symbols, final int brokers)
    {
        if (!JournalFiles.containsJournal(journal))
        {
            IssuedOrderIds.check(IssuedOrderIds.read(journal), 0, journal); // the ids mark without its journal: refuse
            return new Restored(0, 0);
        }
        final JournalReplayer replayer = new JournalReplayer((event, sequence, endOfBatch) ->
        {
            if (event.type == EventType.CONTROL)
            {
                risk.onEvent(event, sequence, endOfBatch);
            }
            route.onEvent(event, sequence, endOfBatch);
            state.onEvent(event, sequence, endOfBatch);
        }, symbols, brokers);
        try (JournalReader reader = new JournalReader(journal))
        {
            replayer.replay(reader, Long.MAX_VALUE);
        }
        catch (final JournalException ex)
        {
            // Fail closed: after damage the gateway cannot know which order ids it issued, and would
            // write its new session where no reader sees it.
            throw new JournalException("the gateway will not start on a journal it cannot read to the end: "
                + ex.getMessage() + ". Check it with `gateway journal verify " + journal
                + "`; to trade now, start on a new journal directory (and keep this one for `journal dump --salvage`)",
                ex.isDamage());
        }
        try
        {
            IssuedOrderIds.check(IssuedOrderIds.read(journal), replayer.highestOrderId(), journal);
        }
        catch (final JournalException ex)
        {
            throw new JournalException("the gateway will not start: " + ex.getMessage()
                + ". Find the missing part, or to trade now, start on a new journal directory (and keep this one)",
                true);
        }
        final long next = replayer.lastSequence() + 1;
        state.sequenceBase(next);
        LOG.info("restored {} events from {}: next order id {}, journal sequence continues at {}", replayer.events(),
            journal, replayer.highestOrderId() + 1, next);
        return new Restored(next, replayer.highestOrderId());
    }

    /**
     * Asks each broker about the orders the restored books hold working and plans what the journal
     * lacks. Stops the start on what it cannot explain, unless told to warn.
     *
     * @param state            the restored state stage.
     * @param brokers          the adapters (open).
     * @param clientOrderIds   how brokers know the orders.
     * @param timeoutMillis    how long to wait for each broker's answer.
     * @param stopOnUnexplained true to refuse to start on a difference the plan cannot explain.
     * @param alerts           where unexplained differences are counted.
     * @return the plan.
     * @throws IllegalStateException with the report, if there are unexplained differences and the start must stop.
     */
    public static StartupReconciliation.Plan reconcile(final OrderStateStage state, final BrokerAdapter[] brokers,
        final ClientOrderIds clientOrderIds, final long timeoutMillis, final boolean stopOnUnexplained,
        final Alerts alerts)
    {
        return reconcile(state, brokers, clientOrderIds, timeoutMillis, stopOnUnexplained, false, alerts);
    }

    /**
     * As {@link #reconcile(OrderStateStage, BrokerAdapter[], ClientOrderIds, long, boolean, Alerts)}, where working
     * orders the gateway never sent are no difference if the adapters adopt them once connected.
     *
     * @param state             the restored state stage.
     * @param brokers           the adapters (open).
     * @param clientOrderIds    how brokers know the orders.
     * @param timeoutMillis     how long to wait for each broker's answer.
     * @param stopOnUnexplained true to refuse to start on a difference the plan cannot explain.
     * @param adoptExternal     true if external orders are adopted.
     * @param alerts            where unexplained differences are counted.
     * @return the plan.
     */
    public static StartupReconciliation.Plan reconcile(final OrderStateStage state, final BrokerAdapter[] brokers,
        final ClientOrderIds clientOrderIds, final long timeoutMillis, final boolean stopOnUnexplained,
        final boolean adoptExternal, final Alerts alerts)
    {
        final io.ordergateway.core.state.PortfolioSnapshot restored = state.snapshot(0);
        if (restored.openOrders().isEmpty() && restored.positions().isEmpty())
        {
            return new StartupReconciliation.Plan(List.of(), List.of(), 0);
        }
        final StartupReconciliation.Plan plan =
            StartupReconciliation.plan(restored, state::knowsFill, brokers, clientOrderIds, timeoutMillis,
                adoptExternal);
        if (!plan.unexplained().isEmpty())
        {
            alerts.reconciliationDifferences(plan.unexplained().size());
            final String report = "reconciliation with the brokers at start found what the journal cannot explain:\n  "
                + String.join("\n  ", plan.unexplained());
            if (stopOnUnexplained)
            {
                throw new IllegalStateException(report
                    + "\n(start refused: check the journal and the brokers, or build with "
                    + "onUnexplainedDifferences(false) to start anyway)");
            }
            LOG.warn("{}\n(starting anyway, as configured)", report);
        }
        if (!plan.actions().isEmpty())
        {
            LOG.info("reconciliation at start: {} events the journal lacked will be journaled as coming from the "
                + "brokers", plan.actions().size());
        }
        return plan;
    }

    /**
     * Publishes the plan's events, each through its broker's sink, before the brokers connect.
     *
     * @param plan  the plan.
     * @param sinks the sinks by broker id.
     */
    public static void publish(final StartupReconciliation.Plan plan, final RingBrokerEventSink[] sinks)
    {
        for (final StartupReconciliation.Action action : plan.actions())
        {
            final RingBrokerEventSink sink = sinks[action.brokerId()];
            switch (action.type())
            {
                case ACK: sink.acknowledged(action.orderId(), StartupReconciliation.RECONCILED_BROKER_ORDER_ID); break;
                case FILL: sink.reconciledFill(action.orderId(), action.fillId(), action.quantity(), action.price());
                    break;
                case CANCELED: sink.canceled(action.orderId()); break;
                case EXPIRED: sink.expired(action.orderId()); break;
                case REJECT: // found by reconciliation: not a failure of the broker now (route skips it)
                    sink.reconciledReject(action.orderId(), CommandKind.NEW,
                        action.neverReceived() ? RejectReason.CONNECTION_ERROR : RejectReason.BROKER_REJECTED);
                    break;
                case CANCEL_LOST: sink.reconciledReject(action.orderId(), CommandKind.CANCEL,
                    RejectReason.CONNECTION_ERROR);
                    break;
                case REPLACE_LOST: sink.reconciledReject(action.orderId(), CommandKind.REPLACE,
                    RejectReason.CONNECTION_ERROR);
                    break;
                default: break;
            }
        }
    }
}
