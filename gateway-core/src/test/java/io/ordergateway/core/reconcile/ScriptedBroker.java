package io.ordergateway.core.reconcile;

import io.ordergateway.core.broker.BrokerAccount;
import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerCapabilities;
import io.ordergateway.core.broker.BrokerContext;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.broker.BrokerOrderStatus;
import io.ordergateway.core.broker.BrokerStatement;
import io.ordergateway.core.broker.OrderCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A broker whose answers the test writes: its statement, its account and the orders it knows
 * by client order id; it records what it was sent and what it was asked, and lets the test speak
 * through the gateway's sink.
 */
final class ScriptedBroker implements BrokerAdapter
{
    volatile BrokerContext context;
    volatile BrokerStatement statement = new BrokerStatement("scripted", 0, List.of(), List.of());
    final Map<String, BrokerOrderStatus> orders = new ConcurrentHashMap<>();
    final List<String> askedAbout = new ArrayList<>();
    final List<Long> cancels = new ArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger news = new java.util.concurrent.atomic.AtomicInteger();
    volatile List<io.ordergateway.core.broker.SymbolTerms> terms;
    /** What {@code askOrders} lists; null: the broker cannot list its orders. */
    volatile List<io.ordergateway.core.broker.BrokerOrder> listed;

    @Override
    public String name()
    {
        return "scripted";
    }

    @Override
    public BrokerCapabilities capabilities()
    {
        return BrokerCapabilities.everything();
    }

    @Override
    public void open(final BrokerContext context)
    {
        this.context = context;
    }

    @Override
    public void connect()
    {
    }

    @Override
    public void sendNew(final OrderCommand command)
    {
        news.incrementAndGet();
    }

    @Override
    public void sendCancel(final OrderCommand command)
    {
        cancels.add(command.orderId());
    }

    @Override
    public void sendReplace(final OrderCommand command)
    {
    }

    @Override
    public BrokerHealth health()
    {
        return BrokerHealth.HEALTHY;
    }

    @Override
    public void disconnect()
    {
    }

    @Override
    public CompletableFuture<BrokerStatement> askStatement(final int brokerId)
    {
        return CompletableFuture.completedFuture(statement);
    }

    @Override
    public CompletableFuture<BrokerAccount> askAccount()
    {
        return CompletableFuture.completedFuture(new BrokerAccount(name(), "SCRIPTED-1", "USD", 5_000_000_000_000L,
            10_000_000_000_000L, 5_000_000_000_000L, 0));
    }

    @Override
    public CompletableFuture<List<io.ordergateway.core.broker.BrokerOrder>> askOrders(
        final io.ordergateway.core.broker.BrokerOrder.Listing listing, final long fromMillis, final long toMillis)
    {
        final List<io.ordergateway.core.broker.BrokerOrder> l = listed;
        return l == null ? CompletableFuture.failedFuture(new UnsupportedOperationException("no listing"))
            : CompletableFuture.completedFuture(l);
    }

    @Override
    public synchronized CompletableFuture<BrokerOrderStatus> askOrder(final long orderId, final String clientOrderId)
    {
        askedAbout.add(clientOrderId);
        final BrokerOrderStatus known = orders.get(clientOrderId);
        return CompletableFuture.completedFuture(known == null ? null : new BrokerOrderStatus(orderId, known.state(),
            known.quantity(), known.filled(), known.averagePrice(), known.fills()));
    }

    @Override
    public CompletableFuture<List<io.ordergateway.core.broker.SymbolTerms>> discoverTerms(final List<String> symbols)
    {
        return terms == null ? BrokerAdapter.super.discoverTerms(symbols) : CompletableFuture.completedFuture(terms);
    }
}
