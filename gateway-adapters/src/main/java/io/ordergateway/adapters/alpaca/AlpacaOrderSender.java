package io.ordergateway.adapters.alpaca;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import io.ordergateway.core.broker.BrokerEventSink;
import io.ordergateway.core.broker.OrderCommand;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.RejectReason;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The order path to Alpaca's REST API: submit (POST), cancel (DELETE) and replace (PATCH), and
 * what to do when an answer is missing or bad. Answers are handed to the {@link AlpacaOrderTracker};
 * refusals are reported here. Loop thread only.
 *
 * <p><b>Retry policy.</b>
 * <ul>
 *   <li>A POST is never retried blindly. When its outcome is unknown (a timeout, a 5xx, the
 *       connection lost after the write, a "client_order_id must be unique" answer) the order is
 *       looked up by client order id: found means accepted; 404 means not there, so the same bytes,
 *       with the same client order id, go again; anything else asks again after a back-off. Until
 *       that resolves the adapter is DEGRADED. Only a request that never left (no connection)
 *       becomes a CONNECTION_ERROR reject, which is safe to send again.</li>
 *   <li>A cancel that comes while the POST's outcome is unknown is held and sent once it is known.
 *       A DELETE is safe to repeat: on a 5xx or no answer it goes again, up to 5 attempts.</li>
 *   <li>A PATCH names the order it replaces and a replaced order cannot be replaced again, so on a
 *       5xx or no answer the same PATCH goes again (up to 5 attempts); a 422 to a repeat, or no
 *       answer after every attempt, is settled by asking the replaced order how it ended.</li>
 * </ul>
 */
final class AlpacaOrderSender
{
    private static final int CANCEL_ATTEMPTS = 5;

    private final String name;
    private final AlpacaRestClient rest;
    private final AlpacaRequests requests;
    private final AlpacaAnswers answers;
    private final AlpacaOrderTracker tracker;
    private final AlpacaHealth health;
    private final AlpacaRetryTimer retries;
    private final BrokerEventSink sink;
    private AlpacaOrderEncoder encoder;

    /**
     * @param name     the adapter's name, for logs.
     * @param rest     the REST client.
     * @param requests writes the requests.
     * @param answers  reads the answers.
     * @param tracker  the orders' state.
     * @param health   the adapter's health (DEGRADED while a POST is unresolved) and whether it is closed.
     * @param retries  schedules retries.
     * @param sink     where refusals are reported.
     */
    AlpacaOrderSender(final String name, final AlpacaRestClient rest, final AlpacaRequests requests,
        final AlpacaAnswers answers, final AlpacaOrderTracker tracker, final AlpacaHealth health,
        final AlpacaRetryTimer retries, final BrokerEventSink sink)
    {
        this.name = name;
        this.rest = rest;
        this.requests = requests;
        this.answers = answers;
        this.tracker = tracker;
        this.health = health;
        this.retries = retries;
        this.sink = sink;
    }

    /**
     * @param encoder encodes commands as requests (made once the gateway's symbols are known).
     */
    void open(final AlpacaOrderEncoder encoder)
    {
        this.encoder = encoder;
    }

    /**
     * Releases the POST bytes still held for an order.
     *
     * @param t the order.
     */
    void release(final AlpacaOrderTrack t)
    {
        if (t.post != null)
        {
            t.post.release();
            t.post = null;
        }
    }

    /**
     * Releases every POST still held (the adapter is closing).
     */
    void releaseAll()
    {
        tracker.forEach(this::release);
    }

    // ------------------------------------------------------------------ new orders

    /**
     * Sends a new order.
     *
     * @param c the command.
     */
    void sendNew(final OrderCommand c)
    {
        final AlpacaOrderTrack t = tracker.startNew(c.orderId());
        final ByteBuf request = rest.alloc().buffer(512);
        encoder.encodeNew(c, request);
        t.post = request;
        post(t);
    }

    private void post(final AlpacaOrderTrack t)
    {
        rest.send(t.post.retainedDuplicate(), new AlpacaRestClient.Callback()
        {
            @Override
            public void onResponse(final int status, final HttpHeaders headers, final ByteBuf body)
            {
                onPostResponse(t, status, body);
            }

            @Override
            public void onFailure(final AlpacaRestClient.Failure failure)
            {
                if (failure == AlpacaRestClient.Failure.NOT_SENT)
                {
                    AlpacaBroker.LOG.warn("alpaca {}: order {} not sent: {}", name, t.clientOrderId,
                        rest.lastConnectError());
                    finishPost(t);
                    t.done = true;
                    sink.rejected(t.orderId, CommandKind.NEW, RejectReason.CONNECTION_ERROR, 0);
                }
                else
                {
                    resolveUnknown(t, failure.name().toLowerCase(Locale.ROOT));
                }
            }
        });
    }

    private void onPostResponse(final AlpacaOrderTrack t, final int status, final ByteBuf body)
    {
        if (status == 200 || status == 201)
        {
            if (answers.readOrder(body))
            {
                finishPost(t);
                tracker.apply(t, answers.view, null);
            }
            else
            {
                resolveUnknown(t, "unreadable answer");
            }
            return;
        }
        final AlpacaJsonReader.ErrorBody error = answers.readError(body);
        if (AlpacaErrors.isDuplicateClientOrderId(status, error.message) || status >= 500)
        {
            resolveUnknown(t, status >= 500 ? "HTTP " + status : "duplicate client order id");
            return;
        }
        finishPost(t);
        t.done = true;
        final RejectReason reason = AlpacaErrors.reason(status, error.code, error.message);
        AlpacaBroker.LOG.info("alpaca {}: order {} refused: HTTP {} code {} {}", name, t.clientOrderId, status,
            error.code, error.message);
        sink.rejected(t.orderId, CommandKind.NEW, reason, error.code);
        tracker.forget(t);
    }

    /**
     * The POST may or may not have created the order: ask by client order id, and send the same
     * bytes again only when the broker says it does not have it.
     */
    private void resolveUnknown(final AlpacaOrderTrack t, final String why)
    {
        if (t.post == null || health.isClosed())
        {
            return;
        }
        if (t.attempts == 0)
        {
            health.outcomeUnknown();
            AlpacaBroker.LOG.warn("alpaca {}: outcome of order {} unknown ({}); looking it up by client order id", name,
                t.clientOrderId, why);
        }
        t.attempts++;
        rest.send(byClientOrderId(t.clientOrderId), new AlpacaRestClient.Callback()
        {
            @Override
            public void onResponse(final int status, final HttpHeaders headers, final ByteBuf body)
            {
                if (status == 200 && answers.readOrder(body))
                {
                    finishPost(t);
                    tracker.apply(t, answers.view, null);
                }
                else if (status == 404)
                {
                    post(t); // not there: the same request, same client order id, again
                }
                else
                {
                    retries.retryLater(() -> resolveUnknown(t, "lookup answered HTTP " + status), t.attempts);
                }
            }

            @Override
            public void onFailure(final AlpacaRestClient.Failure failure)
            {
                retries.retryLater(() -> resolveUnknown(t, "lookup " + failure.name().toLowerCase(Locale.ROOT)),
                    t.attempts);
            }
        });
    }

    private void finishPost(final AlpacaOrderTrack t)
    {
        if (t.post != null)
        {
            t.post.release();
            t.post = null;
            if (t.attempts > 0)
            {
                health.outcomeSettled();
            }
            t.attempts = 0;
        }
        if (t.cancelRequested && !t.done)
        {
            t.cancelRequested = false;
            cancel(t, 0);
        }
    }

    // ------------------------------------------------------------------ cancel

    /**
     * Cancels an order.
     *
     * @param orderId the gateway's order id.
     */
    void sendCancel(final long orderId)
    {
        final AlpacaOrderTrack t = tracker.trackFor(orderId);
        if (t.done)
        {
            sink.rejected(orderId, CommandKind.CANCEL, RejectReason.ORDER_NOT_ACTIVE, 0);
            return;
        }
        if (t.post != null && t.alpacaId == null)
        {
            t.cancelRequested = true; // sent once the POST's outcome is known
            return;
        }
        cancel(t, 0);
    }

    private void cancel(final AlpacaOrderTrack t, final int attempt)
    {
        if (t.alpacaId == null)
        {
            lookupThen(t, () -> cancel(t, attempt),
                () -> sink.rejected(t.orderId, CommandKind.CANCEL, RejectReason.UNKNOWN_ORDER, 0));
            return;
        }
        rest.send(requests.bodiless(rest.alloc(), "DELETE", "/v2/orders/" + t.alpacaId), new AlpacaRestClient.Callback()
        {
            @Override
            public void onResponse(final int status, final HttpHeaders headers, final ByteBuf body)
            {
                if (status == 200 || status == 204)
                {
                    return; // accepted: "canceled" comes on the stream
                }
                if (status >= 500 && attempt + 1 < CANCEL_ATTEMPTS)
                {
                    retries.retryLater(() -> cancel(t, attempt + 1), attempt + 1);
                    return;
                }
                final AlpacaJsonReader.ErrorBody error = answers.readError(body);
                final RejectReason reason = status == 422 ? RejectReason.ORDER_NOT_ACTIVE
                    : AlpacaErrors.reason(status, error.code, error.message);
                AlpacaBroker.LOG.info("alpaca {}: cancel of {} refused: HTTP {} code {} {}", name, t.clientOrderId,
                    status, error.code, error.message);
                sink.rejected(t.orderId, CommandKind.CANCEL, reason, error.code);
            }

            @Override
            public void onFailure(final AlpacaRestClient.Failure failure)
            {
                if (attempt + 1 < CANCEL_ATTEMPTS)
                {
                    retries.retryLater(() -> cancel(t, attempt + 1), attempt + 1); // a DELETE is safe to repeat
                }
                else
                {
                    sink.rejected(t.orderId, CommandKind.CANCEL, RejectReason.SERVICE_UNAVAILABLE, 0);
                }
            }
        });
    }

    /**
     * Looks the order up by client order id and applies what Alpaca shows; then {@code found} if
     * that named its Alpaca id, else {@code missing}.
     */
    private void lookupThen(final AlpacaOrderTrack t, final Runnable found, final Runnable missing)
    {
        rest.send(byClientOrderId(t.clientOrderId), new AlpacaRestClient.Callback()
        {
            @Override
            public void onResponse(final int status, final HttpHeaders headers, final ByteBuf body)
            {
                if (status == 200 && answers.readOrder(body))
                {
                    tracker.apply(t, answers.view, null);
                    if (t.alpacaId != null)
                    {
                        found.run();
                        return;
                    }
                }
                missing.run();
            }

            @Override
            public void onFailure(final AlpacaRestClient.Failure failure)
            {
                missing.run();
            }
        });
    }

    // ------------------------------------------------------------------ replace

    /**
     * Replaces an order's quantity and prices.
     *
     * @param c the command.
     */
    void sendReplace(final OrderCommand c)
    {
        final AlpacaOrderTrack t = tracker.trackFor(c.orderId());
        if (t.done || t.replacePending || t.alpacaId == null)
        {
            // (An order the stream already showed has its Alpaca id even while its POST's answer is still on the way.)
            sink.rejected(t.orderId, CommandKind.REPLACE, RejectReason.ORDER_NOT_ACTIVE, 0);
            return;
        }
        t.replacePending = true;
        t.replaceQuantity = c.quantity();
        t.replaceLimit = c.limitPrice();
        t.replaceStop = c.stopPrice();
        final ByteBuf request = rest.alloc().buffer(512);
        encoder.encodeReplace(c, t.alpacaId, request);
        patch(t, request, t.alpacaId, 0);
    }

    /**
     * Sends a replace. A PATCH names the order it replaces, and a replaced order cannot be replaced
     * again, so when the outcome is unknown the same PATCH goes again: either it does the replace, or
     * Alpaca answers that the order is already replaced, and the order itself then shows the result.
     */
    private void patch(final AlpacaOrderTrack t, final ByteBuf request, final String replacedId, final int attempt)
    {
        rest.send(request.retainedDuplicate(), new AlpacaRestClient.Callback()
        {
            @Override
            public void onResponse(final int status, final HttpHeaders headers, final ByteBuf body)
            {
                if (status == 200 && answers.readOrder(body))
                {
                    request.release();
                    tracker.replacementCreated(t, answers.view.id); // it takes over when "replaced" arrives
                    return;
                }
                if (status >= 500)
                {
                    retryPatch(t, request, replacedId, attempt);
                    return;
                }
                final AlpacaJsonReader.ErrorBody error = answers.readError(body);
                if (status == 422 && attempt > 0)
                {
                    request.release();
                    settleReplace(t, replacedId); // did an earlier try land?
                    return;
                }
                request.release();
                AlpacaBroker.LOG.info("alpaca {}: replace of {} refused: HTTP {} code {} {}", name, t.clientOrderId,
                    status, error.code, error.message);
                tracker.replaceRefused(t, status == 422 ? RejectReason.ORDER_NOT_ACTIVE
                    : AlpacaErrors.reason(status, error.code, error.message), error.code);
            }

            @Override
            public void onFailure(final AlpacaRestClient.Failure failure)
            {
                retryPatch(t, request, replacedId, attempt);
            }
        });
    }

    private void retryPatch(final AlpacaOrderTrack t, final ByteBuf request, final String replacedId, final int attempt)
    {
        if (attempt + 1 >= CANCEL_ATTEMPTS || health.isClosed())
        {
            request.release();
            // still unknown after every try: the order itself says whether the replace happened
            settleReplace(t, replacedId);
            return;
        }
        retries.retryLater(() -> patch(t, request, replacedId, attempt + 1), attempt + 1);
    }

    /**
     * Asks the replaced order how a replace ended: replaced (reported), still pending (the stream
     * will tell), or not replaced (refused, retryable).
     */
    private void settleReplace(final AlpacaOrderTrack t, final String replacedId)
    {
        rest.send(requests.bodiless(rest.alloc(), "GET", "/v2/orders/" + replacedId), new AlpacaRestClient.Callback()
        {
            @Override
            public void onResponse(final int status, final HttpHeaders headers, final ByteBuf body)
            {
                if (status == 200 && answers.readOrder(body))
                {
                    if ("replaced".equals(answers.view.status))
                    {
                        tracker.apply(t, answers.view, null);
                        return;
                    }
                    if ("pending_replace".equals(answers.view.status))
                    {
                        return;
                    }
                }
                tracker.replaceRefused(t, RejectReason.SERVICE_UNAVAILABLE, 0);
            }

            @Override
            public void onFailure(final AlpacaRestClient.Failure failure)
            {
                tracker.replaceRefused(t, RejectReason.SERVICE_UNAVAILABLE, 0);
            }
        });
    }

    private ByteBuf byClientOrderId(final String clientOrderId)
    {
        return requests.bodiless(rest.alloc(), "GET",
            "/v2/orders:by_client_order_id?client_order_id="
            + URLEncoder.encode(clientOrderId, StandardCharsets.UTF_8));
    }
}
