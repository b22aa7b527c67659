package io.ordergateway.benchmarks;

import io.ordergateway.core.calendar.MarketCalendar;
import io.ordergateway.core.calendar.SessionCalendar;
import io.ordergateway.core.domain.Instrument;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.core.pipeline.EventType;
import io.ordergateway.core.pipeline.GatewayEvent;
import io.ordergateway.core.pipeline.RiskStage;
import io.ordergateway.core.pipeline.ThrottleStage;
import io.ordergateway.core.pipeline.ValidateStage;
import io.ordergateway.core.risk.RiskLimits;
import io.ordergateway.core.state.AccountBook;
import io.ordergateway.core.state.OrderBook;
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
import java.util.concurrent.TimeUnit;

/**
 * The deciding stages on one thread, as the compact topology runs them: validate (with the US
 * equities calendar), throttle (account, strategy and symbol buckets), pre-trade risk (every limit
 * on). One op is one order through all three. Cases: an order that passes, one denied by validation
 * (off-tick price), one that passes validation and throttling and is denied by risk (price band).
 * Run with {@code -prof gc}: every case should allocate 0 B/op.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {
    JvmFlags.ADD_EXPORTS_MISC, JvmFlags.ADD_EXPORTS_NIO, JvmFlags.ADD_OPENS_REFLECT, JvmFlags.ADD_EXPORTS_REF, JvmFlags.ADD_OPENS_LANG,
    JvmFlags.ADD_EXPORTS_JAVAC, JvmFlags.NO_ANALYTICS, JvmFlags.NO_ANNOUNCER, JvmFlags.NO_DISK_MONITOR})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecisionStagesBenchmark
{
    private static final long REF = 18_725_000_000L;

    private ValidateStage validate;
    private ThrottleStage throttle;
    private RiskStage risk;
    private final GatewayEvent event = new GatewayEvent();
    private long now;

    @Setup
    public void setUp()
    {
        final Instrument[] instruments = {Instrument.usEquity("AAPL", REF)};
        final MarketCalendar[] calendars = {SessionCalendar.usEquities()};
        validate = new ValidateStage(instruments, calendars);
        throttle = new ThrottleStage(new BucketSet(1_000_000_000L, 1_000), new BucketSet(1_000_000_000L, 1_000),
            new BucketSet(1_000_000_000L, 1_000));
        final AccountBook accounts = new AccountBook(new long[] {REF});
        risk = new RiskStage(new RiskLimits(FixedPoint.quantity(10_000), FixedPoint.money(10_000_000), 500,
            FixedPoint.quantity(100_000), FixedPoint.money(100_000_000), 1_000), instruments, accounts, new OrderBook(16, 16));
        now = LocalDateTime.parse("2026-11-18T10:00:00").atZone(ZoneId.of("America/New_York")).toEpochSecond() * 1_000_000_000L;
    }

    private GatewayEvent order(final long limitPrice)
    {
        final GatewayEvent e = event;
        e.reset();
        e.type = EventType.NEW_ORDER;
        e.timestamp = now += 1_000; // a microsecond per order: buckets refill, the session stays open
        e.accountId = 1;
        e.strategyId = 2;
        e.symbolId = 0;
        e.side = Side.BUY;
        e.orderType = OrderType.LIMIT;
        e.timeInForce = TimeInForce.DAY;
        e.orderClass = OrderClass.SIMPLE;
        e.quantity = FixedPoint.quantity(100);
        e.limitPrice = limitPrice;
        return e;
    }

    private RejectReason decide(final GatewayEvent e)
    {
        validate.onEvent(e, 0, false);
        throttle.onEvent(e, 0, false);
        risk.onEvent(e, 0, false);
        return e.denyReason;
    }

    @Benchmark
    public RejectReason accepted()
    {
        return decide(order(REF));
    }

    @Benchmark
    public RejectReason deniedByValidation()
    {
        return decide(order(REF + 1)); // a hundred-millionth of a dollar off the tick
    }

    @Benchmark
    public RejectReason deniedByRisk()
    {
        return decide(order(REF * 2)); // 100% above the reference: outside the 5% band
    }
}
