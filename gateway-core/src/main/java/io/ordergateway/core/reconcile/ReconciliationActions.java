package io.ordergateway.core.reconcile;

import io.ordergateway.core.state.PortfolioSnapshot;

import java.util.concurrent.CompletableFuture;

/**
 * What a running reconciliation asks of the gateway: a copy of its state at a place in the event
 * sequence, a difference journaled, a policy applied. Each goes into the ring, so the state stays
 * single-writer and the journal has everything; none blocks.
 */
public interface ReconciliationActions
{
    /**
     * @return the state stage's snapshot, when it gets to it (failed if the ring refused the request).
     */
    CompletableFuture<PortfolioSnapshot> snapshot();

    /**
     * @param difference a confirmed difference.
     * @param policy     what the gateway does about it.
     * @return false if the ring refused it (full or closing): it is tried again next pass.
     */
    boolean journal(ReconcileDifference difference, DifferencePolicy policy);

    /**
     * Engages reduce-only or the kill switch for every account (nothing for {@link DifferencePolicy#WARN}).
     *
     * @param policy the policy.
     * @return false if the ring refused it: it is tried again next pass.
     */
    boolean apply(DifferencePolicy policy);
}
