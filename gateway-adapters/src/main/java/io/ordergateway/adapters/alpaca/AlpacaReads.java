package io.ordergateway.adapters.alpaca;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Alpaca's read-only requests (GETs), which are safe to repeat: a 5xx, a 429, a lost connection or
 * a timeout is asked again after a back-off with jitter ({@link AlpacaRetryTimer}), up to
 * {@link #ATTEMPTS} tries, through the REST client, which keeps to the account's request budget.
 * Only when every try failed is the fault reported, with the number of tries. Loop thread only.
 */
final class AlpacaReads
{
    /** How many times a read is tried before its fault is reported. */
    static final int ATTEMPTS = 5;

    /**
     * Takes a read's final answer: any status but the transient ones, which are asked again.
     */
    @FunctionalInterface
    interface Answer
    {
        /**
         * @param status the HTTP status.
         * @param body   the body, valid only during the call.
         * @throws IOException if the answer cannot be read: reported like a fault.
         */
        void onAnswer(int status, ByteBuf body) throws IOException;
    }

    private final String name;
    private final AlpacaRestClient rest;
    private final AlpacaRequests requests;
    private final AlpacaAnswers answers;
    private final AlpacaRetryTimer retries;
    private final java.util.Set<Consumer<Exception>> pending =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /**
     * @param name     the adapter's name, for messages.
     * @param rest     the REST client.
     * @param requests writes the requests.
     * @param answers  reads error bodies.
     * @param retries  schedules the next try.
     */
    AlpacaReads(final String name, final AlpacaRestClient rest, final AlpacaRequests requests,
        final AlpacaAnswers answers, final AlpacaRetryTimer retries)
    {
        this.name = name;
        this.rest = rest;
        this.requests = requests;
        this.answers = answers;
        this.retries = retries;
    }

    /**
     * A GET whose fault, once every try failed (or whose unreadable answer), fails a future.
     *
     * @param path   the path and query.
     * @param what   what is asked, for messages ("the account").
     * @param result failed with an {@link IllegalStateException} or, for no answer, a {@link TimeoutException}.
     * @param answer takes the final answer.
     */
    void get(final String path, final String what, final CompletableFuture<?> result, final Answer answer)
    {
        get(path, what, answer, result::completeExceptionally);
    }

    /**
     * A GET.
     *
     * @param path   the path and query.
     * @param what   what is asked, for messages.
     * @param answer takes the final answer.
     * @param giveUp told the fault when every try failed or the answer could not be read.
     */
    void get(final String path, final String what, final Answer answer, final Consumer<Exception> giveUp)
    {
        final Consumer<Exception> once = new Consumer<>()
        {
            @Override
            public void accept(final Exception fault)
            {
                if (pending.remove(this))
                {
                    giveUp.accept(fault);
                }
            }
        };
        pending.add(once);
        get(path, what, 1, (status, body) ->
        {
            pending.remove(once);
            answer.onAnswer(status, body);
        }, once);
    }

    /**
     * Fails every read still waiting for an answer or a retry: the adapter is closing, and its loop
     * will run nothing more.
     */
    void close()
    {
        for (final Consumer<Exception> giveUp : new java.util.ArrayList<>(pending))
        {
            giveUp.accept(new IllegalStateException("alpaca " + name + ": closed before the answer came"));
        }
    }

    private void get(final String path, final String what, final int attempt, final Answer answer,
        final Consumer<Exception> giveUp)
    {
        rest.send(requests.bodiless(rest.alloc(), "GET", path), new AlpacaRestClient.Callback()
        {
            @Override
            public void onResponse(final int status, final HttpHeaders headers, final ByteBuf body)
            {
                if (status >= 500 || status == 429)
                {
                    again(path, what, attempt, answer, giveUp, false,
                        "HTTP " + status + " " + answers.readError(body).message);
                    return;
                }
                try
                {
                    answer.onAnswer(status, body);
                }
                catch (final IOException | RuntimeException ex)
                {
                    giveUp.accept(new IllegalStateException("alpaca " + name + ": " + what + ": " + ex.getMessage()));
                }
            }

            @Override
            public void onFailure(final AlpacaRestClient.Failure failure)
            {
                again(path, what, attempt, answer, giveUp, true,
                    failure.name().toLowerCase(Locale.ROOT) + " " + rest.lastConnectError());
            }
        });
    }

    private void again(final String path, final String what, final int attempt, final Answer answer,
        final Consumer<Exception> giveUp, final boolean noAnswer, final String fault)
    {
        if (attempt < ATTEMPTS && retries.retryLater(() -> get(path, what, attempt + 1, answer, giveUp), attempt))
        {
            return;
        }
        final String message = "alpaca " + name + ": " + what + ": " + fault.trim()
            + (attempt > 1 ? " (after " + attempt + " tries)" : "");
        giveUp.accept(noAnswer ? new TimeoutException(message) : new IllegalStateException(message));
    }
}
