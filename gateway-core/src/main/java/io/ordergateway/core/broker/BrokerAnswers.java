package io.ordergateway.core.broker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waiting for an adapter's asynchronous answer, for the callers that may wait (start-up, tools):
 * the answer's own exception comes out as it was, not wrapped.
 */
public final class BrokerAnswers
{
    private BrokerAnswers()
    {
    }

    /**
     * @param answer        the answer to come.
     * @param timeoutMillis how long to wait.
     * @param what          what was asked, for the timeout's message.
     * @param <T>           the answer's type.
     * @return the answer.
     * @throws TimeoutException if it did not come in time (or the adapter said it timed out).
     */
    public static <T> T await(final CompletableFuture<T> answer, final long timeoutMillis, final String what) throws
        TimeoutException
    {
        try
        {
            return answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted while asking about " + what);
        }
        catch (final TimeoutException ex)
        {
            throw new TimeoutException("no answer about " + what + " within " + timeoutMillis + " ms");
        }
        catch (final ExecutionException ex)
        {
            final Throwable cause = ex.getCause();
            if (cause instanceof TimeoutException timeout)
            {
                throw timeout;
            }
            if (cause instanceof RuntimeException runtime)
            {
                throw runtime;
            }
            throw new IllegalStateException("asking about " + what + " failed: " + cause.getMessage(), cause);
        }
    }
}
