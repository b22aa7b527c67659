package io.ordergateway.tools;

import io.ordergateway.core.api.ExecutionReport;
import io.ordergateway.core.api.ExecutionReportHandler;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.ReportType;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.journal.FixedPoint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The demo's strategy: a seeded random mix of market and limit orders across a few symbols, with
 * some cancels of resting limits. It tracks which of its orders are still working from the
 * reports it polls.
 */
final class DemoStrategy implements ExecutionReportHandler
{
    private final OrderGateway gateway;
    private final SplittableRandom random;
    private final int[] symbolIds;
    private final long[] prices;
    private final NewOrder order = new NewOrder();
    private final Set<Long> working = new HashSet<>();
    private final double invalidShare;
    private final List<Long> restingLimits = new ArrayList<>();
    private long reports;
    private long fills;
    private long denied;
    private long ringFull;
    private long submitted;

    DemoStrategy(final OrderGateway gateway, final Map<String, Long> referencePrices, final long seed,
        final double invalidShare)
    {
        this.gateway = gateway;
        this.invalidShare = invalidShare;
        this.random = new SplittableRandom(seed);
        this.symbolIds = new int[referencePrices.size()];
        this.prices = new long[referencePrices.size()];
        int i = 0;
        for (final Map.Entry<String, Long> entry : referencePrices.entrySet())
        {
            symbolIds[i] = gateway.symbolId(entry.getKey());
            prices[i] = entry.getValue();
            i++;
        }
    }

    /**
     * Submits one random order.
     *
     * @return the gateway's answer; on RING_FULL the caller polls and tries again.
     */
    SubmitResult submitNext()
    {
        final int s = random.nextInt(symbolIds.length);
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        order.reset().account(1).strategy(1).symbol(symbolIds[s]).side(side)
            .quantity(FixedPoint.quantity(1 + random.nextInt(100)));
        final double kind = random.nextDouble();
        final boolean limit = kind >= 0.6;
        if (limit)
        {
            // Around the reference price: some marketable, most resting a little away from it.
            final long offsetBps = random.nextLong(-40, 61) * (side == Side.BUY ? -1 : 1);
            long price = prices[s] + prices[s] / 10_000 * offsetBps;
            price -= price % (FixedPoint.PRICE_SCALE / 100);
            order.type(OrderType.LIMIT).limitPrice(price).timeInForce(kind > 0.95 ? TimeInForce.IOC : TimeInForce.DAY);
        }
        else
        {
            order.type(OrderType.MARKET);
        }
        if (invalidShare > 0 && random.nextDouble() < invalidShare)
        {
            spoil(s);
        }
        final SubmitResult result = gateway.submit(order);
        if (result == SubmitResult.ACCEPTED)
        {
            submitted++;
            working.add(order.orderId());
            if (limit)
            {
                restingLimits.add(order.orderId());
            }
        }
        else if (result == SubmitResult.RING_FULL)
        {
            ringFull++;
        }
        return result;
    }

    /**
     * Turns the order into one the gateway must deny: malformed (validation) or over a limit (risk).
     */
    private void spoil(final int s)
    {
        switch (random.nextInt(7))
        {
            case 0: // off the cent tick
                order.type(OrderType.LIMIT).limitPrice(prices[s] + 1).timeInForce(TimeInForce.DAY);
                break;
            case 1: // a symbol the gateway does not trade
                order.symbol(symbolIds.length + random.nextInt(100));
                break;
            case 2: // no quantity
                order.quantity(0);
                break;
            case 3: // a limit order without its price
                order.type(OrderType.LIMIT).limitPrice(FixedPoint.NULL);
                break;
            case 4: // a fat finger: 30% away from the reference price
                order.type(OrderType.LIMIT).timeInForce(TimeInForce.DAY)
                .limitPrice(prices[s] / 100 * 130 - (prices[s] / 100 * 130) % 1_000_000);
                break;
            case 5: // larger than one order may be
                order.quantity(FixedPoint.quantity(5_000));
                break;
            default: // a bracket whose take-profit is on the wrong side
                order.type(OrderType.LIMIT).timeInForce(TimeInForce.DAY).limitPrice(prices[s] - prices[s] % 1_000_000)
                    .orderClass(io.ordergateway.core.domain.OrderClass.BRACKET)
                    .takeProfit(prices[s] - prices[s] % 1_000_000 - 1_000_000)
                    .stopLoss(prices[s] - prices[s] % 1_000_000 - 2_000_000, FixedPoint.NULL);
                break;
        }
    }

    /**
     * Cancels a random limit order that may still rest.
     */
    void cancelOne()
    {
        if (!restingLimits.isEmpty())
        {
            final long orderId = restingLimits.remove(random.nextInt(restingLimits.size()));
            if (working.contains(orderId))
            {
                gateway.cancel(orderId);
            }
        }
    }

    /**
     * Cancels every order still working (at the end of the run).
     */
    void cancelAll()
    {
        for (final Long orderId : new ArrayList<>(working))
        {
            gateway.cancel(orderId);
        }
        restingLimits.clear();
    }

    int poll()
    {
        return gateway.poll(this, 1024);
    }

    @Override
    public void onReport(final ExecutionReport report)
    {
        reports++;
        if (report.type() == ReportType.FILL || report.type() == ReportType.PARTIAL_FILL)
        {
            fills++;
        }
        if (report.type() == ReportType.DENIED && report.command() == CommandKind.NEW)
        {
            denied++;
        }
        if (report.state() != null && report.state().isTerminal())
        {
            working.remove(report.orderId());
        }
    }

    int workingCount()
    {
        return working.size();
    }

    long submitted()
    {
        return submitted;
    }

    long reports()
    {
        return reports;
    }

    long fills()
    {
        return fills;
    }

    long denied()
    {
        return denied;
    }

    long ringFull()
    {
        return ringFull;
    }
}
