package io.ordergateway.core.api;

import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.pipeline.EventType;
import io.ordergateway.core.reconcile.DifferencePolicy;
import io.ordergateway.core.reconcile.ReconcileDifference;
import io.ordergateway.core.reconcile.ReconciliationActions;
import io.ordergateway.core.risk.TradingControl;
import io.ordergateway.core.state.PortfolioSnapshot;

import java.util.concurrent.CompletableFuture;

/**
 * The running reconciliation's side of the gateway, through the ring: snapshots from the state
 * stage, differences journaled as events, policies as the operator's trading controls.
 */
final class RingReconciliationActions implements ReconciliationActions
{
    private final CommandPublisher commands;
    private final SymbolTable symbols;

    /**
     * @param commands publishes into the ring (never waiting for a slot: a refusal is tried again next pass).
     * @param symbols  the symbols, for a difference's symbol id.
     */
    RingReconciliationActions(final CommandPublisher commands, final SymbolTable symbols)
    {
        this.commands = commands;
        this.symbols = symbols;
    }

    @Override
    public CompletableFuture<PortfolioSnapshot> snapshot()
    {
        return commands.snapshot(false);
    }

    @Override
    public boolean journal(final ReconcileDifference d, final DifferencePolicy policy)
    {
        return commands.operatorEvent(EventType.RECONCILE_DIFFERENCE, e ->
        {
            e.orderId = d.orderId();
            e.brokerId = d.brokerId();
            e.symbolId = symbols.id(d.symbol());
            e.differenceKind = d.kind().code();
            e.quantity = d.gatewayQuantity();
            e.lastQuantity = d.brokerQuantity();
            e.differencePolicy = policy.code();
        }) == SubmitResult.ACCEPTED;
    }

    @Override
    public boolean apply(final DifferencePolicy policy)
    {
        if (policy == DifferencePolicy.WARN)
        {
            return true;
        }
        return commands.operatorEvent(EventType.CONTROL, e ->
        {
            e.control = policy == DifferencePolicy.KILL_SWITCH ? TradingControl.KILL_SWITCH
                : TradingControl.REDUCE_ONLY;
            e.accountId = -1;
            e.controlEngaged = true;
        }) == SubmitResult.ACCEPTED;
    }
}
