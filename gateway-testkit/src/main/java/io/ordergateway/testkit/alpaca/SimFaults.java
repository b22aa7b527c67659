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
}
