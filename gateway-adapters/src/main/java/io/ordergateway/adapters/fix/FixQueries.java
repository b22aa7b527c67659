package io.ordergateway.adapters.fix;

import io.ordergateway.core.broker.BrokerOrderStatus;
import io.ordergateway.core.domain.OrderState;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * The gateway's questions about orders, asked as OrderStatusRequests (35=H) by ClOrdID and answered by the
 * ExecutionReport (ExecType=I) that comes back; unanswered ones time out. A counterparty that refuses status
 * requests (BusinessMessageReject) makes every later question fail at once with "cannot be asked". Agent thread
 * only.
 */
final class FixQueries
{
    /** One question waiting. */
    private static final class Pending
    {
        final CompletableFuture<BrokerOrderStatus> answer;
        final long deadlineNanos;
        final String clientOrderId;
        boolean asked;

        Pending(final CompletableFuture<BrokerOrderStatus> answer, final long deadlineNanos, final String clientOrderId)
        {
            this.answer = answer;
            this.deadlineNanos = deadlineNanos;
            this.clientOrderId = clientOrderId;
        }

        CompletableFuture<BrokerOrderStatus> answer()
        {
            return answer;
        }

        long deadlineNanos()
        {
            return deadlineNanos;
        }

        String clientOrderId()
        {
            return clientOrderId;
        }
    }

    /** Sends one status request. */
    @FunctionalInterface
    interface Asker
    {
        /**
         * @param orderId the order to ask about.
         * @return true if the request went out.
         */
        boolean ask(long orderId);
    }

    private final Long2ObjectHashMap<List<Pending>> byOrder = new Long2ObjectHashMap<>();
    private final FixClOrdIds clOrdIds;
    private String unsupported;
    private long nextRequestId = 1;

    FixQueries(final FixClOrdIds clOrdIds)
    {
        this.clOrdIds = clOrdIds;
    }

    /**
     * @return the reason status requests cannot be made, or null while they can.
     */
    String unsupported()
    {
        return unsupported;
    }

    long nextRequestId()
    {
        return nextRequestId++;
    }

    void add(final long orderId, final String clientOrderId, final CompletableFuture<BrokerOrderStatus> answer,
        final long deadlineNanos)
    {
        if (unsupported != null)
        {
            answer.completeExceptionally(new UnsupportedOperationException(unsupported));
            return;
        }
        byOrder.computeIfAbsent(orderId, id -> new ArrayList<>(2)).add(new Pending(answer, deadlineNanos,
            clientOrderId));
    }

    /**
     * Sends the status requests not sent yet (asked for while logged out).
     *
     * @param asker sends one.
     */
    void askUnasked(final Asker asker)
    {
        byOrder.forEach((orderId, list) ->
        {
            boolean unasked = false;
            for (final Pending p : list)
            {
                unasked |= !p.asked;
            }
            if (unasked && asker.ask(orderId))
            {
                list.forEach(p -> p.asked = true);
            }
        });
    }

    /**
     * @param orderId the order a status request just went out for.
     */
    void asked(final long orderId)
    {
        final List<Pending> list = byOrder.get(orderId);
        if (list != null)
        {
            list.forEach(p -> p.asked = true);
        }
    }

    boolean answers(final long orderId)
    {
        return byOrder.containsKey(orderId);
    }

    /**
     * Completes the questions about an order.
     *
     * @param orderId      the order.
     * @param unknown      the counterparty does not know it.
     * @param status       its OrdStatus.
     * @param quantity     its quantity.
     * @param filled       its cumulative quantity.
     * @param averagePrice its average price.
     * @param newFill      the part of {@code filled} not reported to the gateway yet, or null: the one fill in the
     *                     answer, so whoever asked reports exactly what is missing.
     */
    void answer(final long orderId, final boolean unknown, final char status, final long quantity, final long filled,
        final long averagePrice, final BrokerOrderStatus.Fill newFill)
    {
        final List<Pending> waiting = byOrder.remove(orderId);
        if (waiting == null)
        {
            return;
        }
        final BrokerOrderStatus answer = unknown ? null : new BrokerOrderStatus(orderId, state(status, filled),
            quantity, filled, filled == 0 ? 0 : averagePrice, newFill == null ? List.of() : List.of(newFill));
        waiting.forEach(p -> p.answer().complete(answer));
    }

    /**
     * The counterparty refused one status request (for another reason than not taking them at all): its questions
     * fail, to be asked again later.
     *
     * @param orderId the order.
     * @param reason  what the counterparty said.
     */
    void refused(final long orderId, final String reason)
    {
        final List<Pending> waiting = byOrder.remove(orderId);
        if (waiting != null)
        {
            waiting.forEach(p -> p.answer().completeExceptionally(new IllegalStateException(reason)));
        }
    }

    /**
     * A status answer for a ClOrdID not of this gateway's form, refused as unknown: completes questions asked by
     * that id (an adopted order's).
     */
    void unknownOrder(final char[] clOrdId, final int length)
    {
        final long id = clOrdIds.parse(clOrdId, length);
        if (id >= 0)
        {
            answer(id, true, '8', 0, 0, 0, null);
        }
    }

    void unsupported(final String reason)
    {
        unsupported = reason;
        final List<List<Pending>> all = new ArrayList<>(byOrder.values());
        byOrder.clear();
        all.forEach(list -> list.forEach(p -> p.answer().completeExceptionally(
            new UnsupportedOperationException(reason))));
    }

    int expire(final long nowNanos)
    {
        if (byOrder.isEmpty())
        {
            return 0;
        }
        int expired = 0;
        final Long2ObjectHashMap<List<Pending>>.EntryIterator it = byOrder.entrySet().iterator();
        while (it.hasNext())
        {
            it.next();
            final List<Pending> list = it.getValue();
            list.removeIf(p ->
            {
                if (nowNanos - p.deadlineNanos() > 0)
                {
                    p.answer().completeExceptionally(new TimeoutException("no answer to the status request for "
                        + p.clientOrderId()));
                    return true;
                }
                return false;
            });
            if (list.isEmpty())
            {
                it.remove();
                expired++;
            }
        }
        return expired;
    }

    private static OrderState state(final char status, final long filled)
    {
        return switch (status)
        {
            case '0', '5' -> filled > 0 ? OrderState.PARTIALLY_FILLED : OrderState.NEW;
            case '1' -> OrderState.PARTIALLY_FILLED;
            case '2' -> OrderState.FILLED;
            case '4' -> OrderState.CANCELED;
            case 'C', '3' -> OrderState.EXPIRED;
            case '8' -> OrderState.REJECTED;
            case '6' -> OrderState.PENDING_CANCEL;
            case 'E' -> OrderState.PENDING_REPLACE;
            case 'A' -> OrderState.PENDING_NEW;
            default -> filled > 0 ? OrderState.PARTIALLY_FILLED : OrderState.NEW;
        };
    }
}
