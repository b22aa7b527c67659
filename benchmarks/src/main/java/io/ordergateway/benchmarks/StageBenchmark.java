package io.ordergateway.benchmarks;

import io.ordergateway.core.calendar.MarketCalendar;
import io.ordergateway.core.calendar.SessionCalendar;
import io.ordergateway.core.domain.Instrument;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.core.metrics.GatewayMetrics;
import io.ordergateway.core.pipeline.EventType;
import io.ordergateway.core.pipeline.GatewayEvent;
import io.ordergateway.core.state.OrderStateStage;
import io.ordergateway.core.risk.RiskStage;
import io.ordergateway.core.routing.RouteStage;
import io.ordergateway.core.throttle.ThrottleStage;
import io.ordergateway.core.validate.ValidateStage;
import io.ordergateway.core.risk.RiskLimits;
import io.ordergateway.core.routing.RoutingPolicy;
import io.ordergateway.core.state.Books;
import io.ordergateway.core.throttle.BucketSet;
import io.ordergateway.journal.FixedPoint;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Each deciding stage on its own, with an order that passes it: validate (NYSE calendar, ticks,
 * lots), throttle (account, strategy and symbol buckets), route (round robin over two brokers),
 * risk (every limit on), and the state stage applying a new order and the fill that completes it;
 * and validate + throttle + risk together for an accepted order, one denied by validation and one
 * denied by risk.
 * The event is filled in afresh for every op, as a producer fills a ring slot (that cost is in every
 * number). Run with {@code -prof gc}: all should be 0 B/op.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {
    JvmFlags.ADD_EXPORTS_MISC, JvmFlags.ADD_EXPORTS_NIO, JvmFlags.ADD_OPENS_REFLECT, JvmFlags.ADD_EXPORTS_REF,
        JvmFlags.ADD_OPENS_LANG,
    JvmFlags.ADD_EXPORTS_JAVAC, JvmFlags.NO_ANALYTICS, JvmFlags.NO_ANNOUNCER, JvmFlags.NO_DISK_MONITOR})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StageBenchmark
{
    private static final long REF = 18_725_000_000L;

    private ValidateStage validate;
    private ThrottleStage throttle;
    private RouteStage route;
    private RiskStage risk;
    private OrderStateStage state;
    private final GatewayEvent event = new GatewayEvent();
    private long now;
    private long orderId;

    @Setup
    public void setUp()
    {
        final Instrument[] instruments = {Instrument.usEquity("AAPL", REF)};
        validate = new ValidateStage(instruments, new MarketCalendar[] {SessionCalendar.usEquities()});
        throttle = new ThrottleStage(new BucketSet(1_000_000_000L, 1_000), new BucketSet(1_000_000_000L, 1_000),
            new BucketSet(1_000_000_000L, 1_000));
        route = RouteStage.simple(RoutingPolicy.ROUND_ROBIN, 2);
        final Books books = new Books(1 << 10, 1 << 12, 2, new long[] {REF});
        risk = new RiskStage(new RiskLimits(FixedPoint.quantity(10_000), FixedPoint.money(10_000_000), 500,
            FixedPoint.quantity(100_000), FixedPoint.money(100_000_000), 1_000), instruments, books.view());
        state = new OrderStateStage(books, new SymbolTable(List.of("AAPL")), new GatewayMetrics(2));
        now = LocalDateTime.parse("2026-11-18T10:00:00").atZone(ZoneId.of("America/New_York")).toEpochSecond()
            * 1_000_000_000L;
    }

    private GatewayEvent newOrder()
    {
        return newOrder(REF);
    }

    private GatewayEvent newOrder(final long limitPrice)
    {
        final GatewayEvent e = event;
        e.reset();
        e.type = EventType.NEW_ORDER;
        e.timestamp = now += 1_000;
        e.orderId = ++orderId;
        e.accountId = 1;
        e.strategyId = 2;
        e.symbolId = 0;
        e.side = Side.BUY;
        e.orderType = OrderType.LIMIT;
        e.timeInForce = TimeInForce.DAY;
        e.orderClass = OrderClass.SIMPLE;
        e.quantity = FixedPoint.quantity(100);
        e.limitPrice = limitPrice;
        e.brokerId = 0;
        return e;
    }

    /**
     * The deciding stages together, as the compact topology runs them on one thread.
     */
    private Object decide(final GatewayEvent e)
    {
        validate.onEvent(e, 0, false);
        throttle.onEvent(e, 0, false);
        risk.onEvent(e, 0, false);
        return e.denyReason;
    }

    /** Validate + throttle + risk: an order that passes all three. */
    @Benchmark
    public Object decideAccepted()
    {
        return decide(newOrder(REF));
    }

    /** Validate + throttle + risk: denied by validation (a hundred-millionth of a dollar off the tick). */
    @Benchmark
    public Object decideDeniedByValidation()
    {
        return decide(newOrder(REF + 1));
    }

    /** Validate + throttle + risk: passes validation and throttling, denied by risk (outside the 5% band). */
    @Benchmark
    public Object decideDeniedByRisk()
    {
        return decide(newOrder(REF * 2));
    }

    @Benchmark
    public Object validate()
    {
        final GatewayEvent e = newOrder();
        validate.onEvent(e, 0, false);
        return e.denyReason;
    }

    @Benchmark
    public Object throttle()
    {
        final GatewayEvent e = newOrder();
        throttle.onEvent(e, 0, false);
        return e.denyReason;
    }

    /**
     * Routes a new order, then takes its acknowledgement (the route stage keeps orders in flight
     * until answered; without answers its books would only grow).
     *
     * @return the broker chosen.
     */
    @Benchmark
    public int route()
    {
        final GatewayEvent e = newOrder();
        e.brokerId = -1; // a live order: the route stage decides (a preset broker means a replayed one)
        route.onEvent(e, 0, false);
        final int broker = e.brokerId;
        final long orderId = e.orderId;
        e.reset();
        e.type = EventType.BROKER_ACK;
        e.timestamp = now += 1_000;
        e.orderId = orderId;
        e.brokerId = broker;
        route.onEvent(e, 0, false);
        return broker;
    }

    @Benchmark
    public Object risk()
    {
        final GatewayEvent e = newOrder();
        risk.onEvent(e, 0, false);
        return e.denyReason;
    }

    /**
     * A new order enters the book and a fill completes it (position, average price, account
     * exposure and order book all updated): two events per op.
     */
    @Benchmark
    public Object stateNewOrderAndFill()
    {
        final GatewayEvent e = newOrder();
        final long id = e.orderId;
        state.onEvent(e, 0, false);
        e.reset();
        e.type = EventType.BROKER_FILL;
        e.timestamp = now;
        e.orderId = id;
        e.brokerId = 0;
        e.fillId = id;
        e.lastQuantity = FixedPoint.quantity(100);
        e.lastPrice = REF;
        state.onEvent(e, 0, false);
        return e.stateAfter;
    }
}
