package io.ordergateway.core.recovery;

import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerEventSink;
import io.ordergateway.core.broker.BrokerOrderStatus;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.RejectReason;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Resolves orders that went UNKNOWN (sent, no answer within the send timeout) by asking the broker
 * that was sent them for their client order id, never on the ring and never blocking: the control
 * agent calls {@link #doWork()} each duty cycle, which starts questions ({@link BrokerAdapter#askOrder})
 * and takes the answers that came. Nothing is sent again: the broker's answer becomes events in the
 * ring, like any broker event. Not there: rejected with CONNECTION_ERROR (never received, so the
 * strategy may send it again, and it will go to the active broker). There: acknowledged, with the
 * fills the broker lists (the state stage refuses a fill id it already has) and its end (canceled,
 * expired, rejected). A broker that does not answer within the query timeout, or fails, is asked
 * again later with growing delays; the order stays UNKNOWN meanwhile and is never routed elsewhere.
 *
 * <p>Time is the gateway's clock, so with a manual clock a test decides when the next question goes.
 * Single-threaded: the control agent's thread.
 */
public final class UnknownOrderResolver
{
    private static final Logger LOG = LoggerFactory.getLogger(UnknownOrderResolver.class);
    static final long FIRST_RETRY_NANOS = 500_000_000L;
    static final long MAX_RETRY_NANOS = 30_000_000_000L;

    private static final class Question
    {
        final int brokerId;
        final long orderId;
        final CommandKind command;
        CompletableFuture<BrokerOrderStatus> answer;
        long askedAt;
        long askAt;
        long retryNanos = FIRST_RETRY_NANOS;

        Question(final int brokerId, final long orderId, final CommandKind command, final long askAt)
        {
            this.brokerId = brokerId;
            this.orderId = orderId;
            this.command = command;
            this.askAt = askAt;
        }
    }

    private final BrokerAdapter[] brokers;
    private final BrokerEventSink[] sinks;
    private final ClientOrderIds clientOrderIds;
    private final EpochNanoClock clock;
    private final long queryTimeoutNanos;
    private final List<Question> questions = new ArrayList<>();

    /**
     * @param brokers            the adapters by id.
     * @param sinks              where each broker's answers go (into the ring).
     * @param clientOrderIds     how brokers know the orders.
     * @param clock              the gateway's clock.
     * @param queryTimeoutMillis how long to wait for one answer before asking again.
     */
    public UnknownOrderResolver(final BrokerAdapter[] brokers, final BrokerEventSink[] sinks,
        final ClientOrderIds clientOrderIds, final EpochNanoClock clock, final long queryTimeoutMillis)
    {
        this.brokers = brokers;
        this.sinks = sinks;
        this.clientOrderIds = clientOrderIds;
        this.clock = clock;
        this.queryTimeoutNanos = queryTimeoutMillis * 1_000_000L;
    }

    /**
     * Asks, at the next duty cycle, about an order that went UNKNOWN.
     *
     * @param brokerId the broker it was sent to.
     * @param orderId  the order.
     */
    public void resolve(final int brokerId, final long orderId)
    {
        resolve(brokerId, orderId, CommandKind.NEW);
    }

    /**
     * Asks about an order whose cancel or replace went unanswered (or a new order, {@code CommandKind.NEW}).
     *
     * @param brokerId the broker it was sent to.
     * @param orderId  the order.
     * @param command  what went unanswered.
     */
    public void resolve(final int brokerId, final long orderId, final CommandKind command)
    {
        if (brokerId >= 0 && brokerId < brokers.length)
        {
            questions.add(new Question(brokerId, orderId, command, clock.nanoTime()));
        }
    }

    /**
     * @return questions not yet settled.
     */
    public int pending()
    {
        return questions.size();
    }

    /**
     * Starts the questions that are due and takes the answers that came.
     *
     * @return how many questions moved on.
     */
    public int doWork()
    {
        if (questions.isEmpty())
        {
            return 0;
        }
        final long now = clock.nanoTime();
        int work = 0;
        for (int i = questions.size() - 1; i >= 0; i--)
        {
            final Question q = questions.get(i);
            if (q.answer == null)
            {
                if (now - q.askAt >= 0)
                {
                    q.answer = brokers[q.brokerId].askOrder(q.orderId, clientOrderIds.toString(q.orderId));
                    q.askedAt = now;
                    work++;
                }
            }
            else if (q.answer.isDone())
            {
                if (settle(q, now))
                {
                    questions.remove(i);
                }
                work++;
            }
            else if (now - q.askedAt >= queryTimeoutNanos)
            {
                q.answer.cancel(false); // too late: ask again later
                retryLater(q, now);
                work++;
            }
        }
        return work;
    }

    /**
     * @return true if the question is settled (answered, or cannot be asked).
     */
    private boolean settle(final Question q, final long now)
    {
        final BrokerOrderStatus status;
        try
        {
            status = q.answer.join();
        }
        catch (final CompletionException | java.util.concurrent.CancellationException ex)
        {
            if (ex.getCause() instanceof UnsupportedOperationException)
            {
                LOG.warn("order {} is UNKNOWN at {} and {} cannot be asked: check with the broker before sending it "
                    + "again", clientOrderIds.toString(q.orderId), brokers[q.brokerId].name(),
                    brokers[q.brokerId].name());
                return true;
            }
            retryLater(q, now);
            return false;
        }
        if (sinks[q.brokerId].room() < Math.min(64, 3 + (status == null ? 0 : status.fills().size())))
        {
            // no waiting for ring space here: this runs on the control agent's thread, whose follower holds the ring
            // back, and would never free the slot waited for; the answer is published on a later cycle
            return false;
        }
        if (q.command == CommandKind.NEW)
        {
            publish(q.brokerId, q.orderId, status);
        }
        else
        {
            settleCommand(q.brokerId, q.orderId, q.command, status);
        }
        return true;
    }

    private void retryLater(final Question q, final long now)
    {
        q.answer = null;
        q.askAt = now + q.retryNanos;
        q.retryNanos = Math.min(MAX_RETRY_NANOS, q.retryNanos * 2);
    }

    private void publish(final int brokerId, final long orderId, final BrokerOrderStatus status)
    {
        final BrokerEventSink sink = sinks[brokerId];
        if (status == null)
        {
            // never received: safe to send again
            sink.rejected(orderId, CommandKind.NEW, RejectReason.CONNECTION_ERROR, 0);
            return;
        }
        if (status.state() == OrderState.REJECTED)
        {
            sink.rejected(orderId, CommandKind.NEW, RejectReason.BROKER_REJECTED, 0);
            return;
        }
        sink.acknowledged(orderId, StartupReconciliation.RECONCILED_BROKER_ORDER_ID);
        for (final BrokerOrderStatus.Fill fill : status.fills())
        {
            sink.filled(orderId, fill.fillId(), fill.quantity(), fill.price());
        }
        if (status.state() == OrderState.CANCELED)
        {
            sink.canceled(orderId);
        }
        else if (status.state() == OrderState.EXPIRED)
        {
            sink.expired(orderId);
        }
    }

    /**
     * A cancel or replace the broker never answered, settled by what the broker says of the order: its fills (the
     * state stage refuses those it has), and its end if it ended (canceled, expired, filled); if it still works, the
     * command is reported rejected with CONNECTION_ERROR (it did not take effect: the strategy may send it again); if
     * the broker does not know the order, rejected with ORDER_NOT_ACTIVE. A replace the broker applied but never
     * confirmed is taken for one that did not arrive: the running reconciliation then reports the difference.
     */
    private void settleCommand(final int brokerId, final long orderId, final CommandKind command,
        final BrokerOrderStatus status)
    {
        final BrokerEventSink sink = sinks[brokerId];
        if (status == null)
        {
            sink.rejected(orderId, command, RejectReason.ORDER_NOT_ACTIVE, 0);
            return;
        }
        for (final BrokerOrderStatus.Fill fill : status.fills())
        {
            sink.filled(orderId, fill.fillId(), fill.quantity(), fill.price());
        }
        switch (status.state())
        {
            case CANCELED -> sink.canceled(orderId);
            case EXPIRED -> sink.expired(orderId);
            case FILLED -> { } // the fills above finish it
            case REJECTED -> sink.rejected(orderId, command, RejectReason.BROKER_REJECTED, 0);
            default -> sink.rejected(orderId, command, RejectReason.CONNECTION_ERROR, 0);
        }
    }
}
