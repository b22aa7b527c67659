package io.ordergateway.core.api;

import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.core.state.PortfolioSnapshot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * One flatten ({@link OperatorControls#flatten}): cancels the open orders of an account and/or
 * symbol, waits (on snapshots the state stage makes at its place in the ring) until they are
 * finished, then closes each position left with one market order through
 * {@link OrderGateway#submit}, so validation, throttles, risk, routing and the journal see it as any
 * order. Waiting for the cancels first means a fill that races a cancel changes the position
 * before it is read, so a close never overshoots into the opposite position, and reduce-only does
 * not count the cancelled orders against the close. Off the hot path: allocates freely.
 */
final class Flattener
{
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long RETRY_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long SUBMIT_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final OrderGateway gateway;
    private final boolean invoke;

    /**
     * @param gateway the gateway.
     * @param invoke  true to drive the stages on this thread while waiting (INVOKER mode, its invoking thread).
     */
    Flattener(final OrderGateway gateway, final boolean invoke)
    {
        this.gateway = gateway;
        this.invoke = invoke;
    }

    FlattenResult run(final int accountId, final String symbol, final long timeoutMillis)
        throws TimeoutException, ExecutionException, InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        PortfolioSnapshot snapshot = snapshot(deadline);
        int cancels = 0;
        for (final PortfolioSnapshot.OrderLine line : open(snapshot, accountId, symbol))
        {
            if (retry(() -> gateway.cancel(line.orderId()), deadline) == SubmitResult.ACCEPTED)
            {
                cancels++;
            }
        }
        List<PortfolioSnapshot.OrderLine> open = open(snapshot, accountId, symbol);
        while (!open.isEmpty() && System.nanoTime() - deadline < 0)
        {
            pause();
            try
            {
                snapshot = snapshot(deadline);
            }
            catch (final TimeoutException late)
            {
                break; // the cancels are sent: close what the last snapshot shows, hold back the rest
            }
            open = open(snapshot, accountId, symbol);
        }
        final Set<String> heldBack = new HashSet<>();
        open.forEach(o -> heldBack.add(o.accountId() + " " + o.symbol()));
        final long submitDeadline = Math.max(deadline, System.nanoTime() + SUBMIT_GRACE_NANOS);
        final List<FlattenResult.Close> closes = new ArrayList<>();
        final NewOrder order = new NewOrder();
        for (final PortfolioSnapshot.AccountLine account : snapshot.accounts())
        {
            if (accountId >= 0 && account.accountId() != accountId)
            {
                continue;
            }
            for (final Map.Entry<String, Long> position : account.positions().entrySet())
            {
                final long quantity = position.getValue();
                if (quantity == 0 || symbol != null && !symbol.equals(position.getKey()))
                {
                    continue;
                }
                final Side side = quantity > 0 ? Side.SELL : Side.BUY;
                if (heldBack.contains(account.accountId() + " " + position.getKey()))
                {
                    closes.add(new FlattenResult.Close(account.accountId(), position.getKey(), quantity, side,
                        Math.abs(quantity), 0, FlattenResult.HELD_BACK));
                    continue;
                }
                order.reset().account(account.accountId()).strategy(OperatorControls.FLATTEN_STRATEGY)
                    .symbol(gateway.symbolId(position.getKey())).side(side).type(OrderType.MARKET)
                    .timeInForce(TimeInForce.DAY).quantity(Math.abs(quantity));
                final SubmitResult result = retry(() -> gateway.submit(order), submitDeadline);
                final boolean sent = result == SubmitResult.ACCEPTED;
                closes.add(new FlattenResult.Close(account.accountId(), position.getKey(), quantity, side,
                    Math.abs(quantity), sent ? order.orderId() : 0, sent ? FlattenResult.SENT : result.name()));
            }
        }
        return new FlattenResult(accountId, symbol, cancels, open.size(), closes);
    }

    private static List<PortfolioSnapshot.OrderLine> open(final PortfolioSnapshot snapshot, final int accountId,
        final String symbol)
    {
        return snapshot.openOrders().stream()
            .filter(o -> (accountId < 0 || o.accountId() == accountId) && (symbol == null || symbol.equals(o.symbol())))
            .toList();
    }

    private PortfolioSnapshot snapshot(final long deadline)
        throws TimeoutException, ExecutionException, InterruptedException
    {
        final long waitMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        final CompletableFuture<PortfolioSnapshot> answer = gateway.snapshot();
        return invoke ? gateway.await(answer, waitMillis) : answer.get(waitMillis, TimeUnit.MILLISECONDS);
    }

    private SubmitResult retry(final Supplier<SubmitResult> command, final long deadline)
    {
        SubmitResult result;
        while ((result = command.get()) == SubmitResult.RING_FULL && System.nanoTime() - deadline < 0)
        {
            if (invoke)
            {
                gateway.invoker().invoke();
            }
            else
            {
                LockSupport.parkNanos(RETRY_PARK_NANOS);
            }
        }
        return result;
    }

    private void pause()
    {
        if (invoke)
        {
            gateway.invoker().invoke();
        }
        else
        {
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
