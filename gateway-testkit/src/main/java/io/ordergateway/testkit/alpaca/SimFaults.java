package io.ordergateway.testkit.alpaca;

/**
 * The faults a test asks the simulator for: order POSTs that fail (before or after creating the
 * order), POSTs and PATCHes applied but never answered, and a stream that refuses connections.
 * Set from any thread; consumed on the simulator's loop thread, one per request.
 */
final class SimFaults
{
    private volatile int failPosts;
    private volatile int failPostStatus;
    private volatile boolean failPostsAfterCreating;
    private volatile int silentPosts;
    private volatile int silentPatches;
    private volatile boolean refuseStreams;
    private volatile double failRate;
    private final java.util.concurrent.atomic.AtomicInteger failNext = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int dropStreamEvery;
    private final java.util.SplittableRandom random = new java.util.SplittableRandom(11); // loop thread only
    private long streamMessages;

    /**
     * @param status      the HTTP status to answer.
     * @param count       how many POSTs.
     * @param createFirst true to create the order before failing.
     */
    void failNextOrderPosts(final int status, final int count, final boolean createFirst)
    {
        failPostStatus = status;
        failPostsAfterCreating = createFirst;
        failPosts = count;
    }

    /**
     * @param count how many order POSTs to apply and leave unanswered.
     */
    void swallowNextOrderPosts(final int count)
    {
        silentPosts = count;
    }

    /**
     * @param count how many PATCHes to apply and leave unanswered.
     */
    void swallowNextReplaces(final int count)
    {
        silentPatches = count;
    }

    /**
     * @param refuse true to close new stream connections at once.
     */
    void refuseStreams(final boolean refuse)
    {
        refuseStreams = refuse;
    }

    /**
     * @return whether new stream connections are closed at once.
     */
    boolean refusesStreams()
    {
        return refuseStreams;
    }

    /**
     * Takes one failure meant for before the order is created, if one is due.
     *
     * @return whether this POST fails without creating the order.
     */
    boolean failBeforeCreating()
    {
        if (failPosts > 0 && !failPostsAfterCreating)
        {
            failPosts--;
            return true;
        }
        return false;
    }

    /**
     * Takes one failure, if one is due (after the order was created).
     *
     * @return whether this POST's answer is a failure although the order exists.
     */
    boolean failAfterCreating()
    {
        if (failPosts > 0)
        {
            failPosts--;
            return true;
        }
        return false;
    }

    /**
     * @return the status a failing POST answers.
     */
    int failStatus()
    {
        return failPostStatus;
    }

    /**
     * @return whether this POST goes unanswered (taking one such fault).
     */
    boolean swallowPost()
    {
        if (silentPosts > 0)
        {
            silentPosts--;
            return true;
        }
        return false;
    }

    /**
     * @return whether this PATCH goes unanswered (taking one such fault).
     */
    boolean swallowPatch()
    {
        if (silentPatches > 0)
        {
            silentPatches--;
            return true;
        }
        return false;
    }

    /**
     * @param rate fraction of REST requests (any method) answered 500 before they are acted on, at random.
     */
    void failRequests(final double rate)
    {
        failRate = rate;
    }

    /**
     * @param count how many of the next REST requests (any method) answer 500 without being acted on.
     */
    void failNextRequests(final int count)
    {
        failNext.set(count);
    }

    /**
     * @param messages close every stream connection after this many stream messages (0: never).
     */
    void dropStreamEvery(final int messages)
    {
        dropStreamEvery = messages;
    }

    /**
     * @return whether this request fails at random (taking one draw).
     */
    boolean failThisRequest()
    {
        if (failNext.get() > 0 && failNext.getAndDecrement() > 0)
        {
            return true;
        }
        final double rate = failRate;
        return rate > 0 && random.nextDouble() < rate;
    }

    /**
     * Counts one stream message sent.
     *
     * @return whether the streams are to be dropped after it.
     */
    boolean dropStreamAfterMessage()
    {
        final int every = dropStreamEvery;
        return every > 0 && ++streamMessages % every == 0;
    }

    private final java.util.Set<String> notShortable = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param symbol an asset the account cannot short (its asset answer says so).
     */
    void markNotShortable(final String symbol)
    {
        notShortable.add(symbol);
    }

    /**
     * @param symbol an asset.
     * @return whether its asset answer says it cannot be shorted.
     */
    boolean notShortable(final String symbol)
    {
        return notShortable.contains(symbol);
    }
}
