package io.ordergateway.adapters.alpaca;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the {@code trade_updates} stream's comings and goings mean: each trade update goes to the
 * {@link AlpacaOrderTracker}; while the stream is down the adapter is DOWN; and once it listens
 * again (Alpaca does not replay what it sent meanwhile) the catch-up reads what changed in between
 * before the adapter reports HEALTHY. Loop thread only.
 *
 * <p><b>A catch-up pass.</b> First the open orders (one page of 500, oldest first), each applied to
 * the order it belongs to; then every tracked order not among them that has an Alpaca id and no
 * POST in doubt is fetched by id, since it may have ended meanwhile (a read, tried again on
 * transient faults). When the last of those answers (or every try failed: the next pass asks
 * again) the adapter is caught up. A failed or stale list is asked
 * again after a back-off while the stream still listens. Each pass has a generation number, so
 * answers to a pass overtaken by a newer reconnect do not count for the newer one.
 */
final class AlpacaStreamCatchUp implements AlpacaTradeStream.Listener
{
    private static final String OPEN_ORDERS = "/v2/orders?status=open&direction=asc&limit="
        + AlpacaQueries.MAX_ORDERS_PAGE;

    private final String name;
    private final AlpacaRestClient rest;
    private final AlpacaRequests requests;
    private final AlpacaAnswers answers;
    private final AlpacaOrderTracker tracker;
    private final AlpacaHealth health;
    private final AlpacaRetryTimer retries;
    private final AlpacaReads reads;
    private int generation;
    private int pending;

    /**
     * @param name     the adapter's name, for logs.
     * @param rest     the REST client.
     * @param requests writes the requests.
     * @param answers  reads the answers.
     * @param tracker  the orders' state.
     * @param health   the adapter's health, told when the stream goes down and when the catch-up is done.
     * @param retries  schedules a list asked again.
     * @param reads    the reads, tried again on transient faults.
     */
    AlpacaStreamCatchUp(final String name, final AlpacaRestClient rest, final AlpacaRequests requests,
        final AlpacaAnswers answers, final AlpacaOrderTracker tracker, final AlpacaHealth health,
        final AlpacaRetryTimer retries, final AlpacaReads reads)
    {
        this.name = name;
        this.rest = rest;
        this.requests = requests;
        this.answers = answers;
        this.tracker = tracker;
        this.health = health;
        this.retries = retries;
        this.reads = reads;
    }

    @Override
    public void onListening()
    {
        health.streamListening();
        AlpacaBroker.LOG.info("alpaca {}: trade_updates stream listening; catching up on what happened meanwhile",
            name);
        catchUp();
    }

    @Override
    public void onTradeUpdate(final AlpacaJsonReader.StreamMessage message)
    {
        tracker.onTradeUpdate(message);
    }

    @Override
    public void onDown(final String reason)
    {
        if (health.isStreamListening() && !health.isClosed())
        {
            AlpacaBroker.LOG.warn("alpaca {}: trade_updates stream down ({}); reconnecting", name, reason);
        }
        health.streamDown();
    }

    /**
     * Fetches one order by Alpaca id and applies it (following a replacement, or as part of a pass).
     *
     * @param t        the gateway order.
     * @param alpacaId the Alpaca order to fetch.
     */
    void refresh(final AlpacaOrderTrack t, final String alpacaId)
    {
        reads.get("/v2/orders/" + alpacaId, "order " + alpacaId, (status, body) ->
        {
            if (status == 200 && answers.readOrder(body))
            {
                tracker.apply(t, answers.view, null);
            }
            fetched(t);
        }, fault ->
        {
            AlpacaBroker.LOG.warn("{}; the next catch-up asks again", fault.getMessage());
            fetched(t);
        });
    }

    /**
     * After the stream (re)connects: the open orders, then each tracked order not among them, so
     * whatever happened while the stream was down is reported before the adapter says HEALTHY.
     */
    private void catchUp()
    {
        final int pass = ++generation;
        rest.send(requests.bodiless(rest.alloc(), "GET", OPEN_ORDERS), new AlpacaRestClient.Callback()
        {
            @Override
            public void onResponse(final int status, final HttpHeaders headers, final ByteBuf body)
            {
                if (status != 200 || pass != generation)
                {
                    askAgain(pass);
                    return;
                }
                try
                {
                    answers.reader.readOrders(body, answers.view, o ->
                    {
                        AlpacaOrderTrack t = tracker.trackOf(o);
                        if (t == null)
                        {
                            t = tracker.adoptExternal(o); // placed while the stream was down, or before we started
                        }
                        if (t != null)
                        {
                            t.seen = pass;
                            tracker.apply(t, o, null);
                        }
                    });
                }
                catch (final IOException | RuntimeException ex)
                {
                    AlpacaBroker.LOG.warn("alpaca {}: unreadable open-orders answer ({})", name, ex.getMessage());
                }
                final List<AlpacaOrderTrack> missing = new ArrayList<>();
                tracker.forEach(t ->
                {
                    if (!t.done && t.seen != pass && t.post == null && t.alpacaId != null)
                    {
                        missing.add(t);
                    }
                });
                pending = missing.size();
                if (pending == 0)
                {
                    health.caughtUp();
                }
                for (final AlpacaOrderTrack t : missing)
                {
                    t.seen = -pass; // a refresh in flight for this catch-up
                    refresh(t, t.alpacaId);
                }
            }

            @Override
            public void onFailure(final AlpacaRestClient.Failure failure)
            {
                askAgain(pass);
            }
        });
    }

    private void askAgain(final int pass)
    {
        retries.retryLater(() ->
        {
            if (pass == generation && health.isStreamListening())
            {
                catchUp();
            }
        }, 1);
    }

    private void fetched(final AlpacaOrderTrack t)
    {
        if (t.seen == -generation)
        {
            t.seen = generation;
            if (--pending == 0)
            {
                health.caughtUp();
            }
        }
    }
}
