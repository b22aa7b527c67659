package io.ordergateway.tools.report;

import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.ScaledMath;
import io.ordergateway.core.recovery.JournalLayout;
import io.ordergateway.core.routing.RoutingConfig;
import io.ordergateway.journal.FixedPoint;
import io.ordergateway.journal.JournalReader;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.journal.FillView;
import io.ordergateway.journal.JournalAdapter;
import io.ordergateway.journal.JournalListener;
import org.agrona.collections.Long2ObjectHashMap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares brokers from a journal over a period (or over an A/B split: orders routed by the
 * weighted-split policy): per broker, send-to-acknowledgement and send-to-first-fill latency
 * (p50/p95/p99, from the journal's event times), fill rate, reject rate, failure rate and configured
 * cost; per metric a winner when a significance test says the difference is real (Mann-Whitney U on
 * latencies, two-proportion z-test on rates, p &lt; 0.05); and recommendations in plain words.
 */
public final class BrokerComparison
{
    /** Below this p-value a difference counts as significant. */
    public static final double ALPHA = 0.05;

    /**
     * One broker's figures.
     *
     * @param broker        broker id.
     * @param name          a name for it.
     * @param sent          new orders sent.
     * @param acknowledged  of which acknowledged.
     * @param filled        of which filled at least in part.
     * @param rejected      of which rejected by the broker.
     * @param failed        of which failed (connection error, unavailable, timeout...).
     * @param ackMicros     send-to-ack latencies, sorted (µs).
     * @param fillMicros    send-to-first-fill latencies, sorted (µs).
     * @param notional      money filled (price scale).
     * @param cost          configured cost of it (price scale).
     */
    public record Line(int broker, String name, long sent, long acknowledged, long filled, long rejected, long failed,
        long[] ackMicros, long[] fillMicros, long notional, long cost)
    {
        /**
         * @param micros sorted latencies.
         * @param q      quantile (0 to 1).
         * @return the value, or -1 when empty.
         */
        public static long quantile(final long[] micros, final double q)
        {
            if (micros.length == 0)
            {
                return -1;
            }
            final int rank = (int)Math.ceil(q * micros.length) - 1; // nearest rank
            return micros[Math.max(0, Math.min(micros.length - 1, rank))];
        }

        /** @return share of sent orders filled (0 to 1). */
        public double fillRate()
        {
            return sent == 0 ? 0 : filled / (double)sent;
        }

        /** @return share of sent orders rejected (0 to 1). */
        public double rejectRate()
        {
            return sent == 0 ? 0 : rejected / (double)sent;
        }
    }

    /**
     * One metric's verdict.
     *
     * @param metric  what was compared.
     * @param winner  the better broker's name, or null when the difference is not significant.
     * @param pValue  the test's p-value (best against the runner-up).
     * @param summary one sentence.
     */
    public record Verdict(String metric, String winner, double pValue, String summary)
    {
    }

    /**
     * The comparison.
     *
     * @param lines           per broker.
     * @param verdicts        per metric.
     * @param recommendations plain-language advice.
     * @param abSplitOnly     true when only weighted-split orders were counted.
     */
    public record Report(List<Line> lines, List<Verdict> verdicts, List<String> recommendations, boolean abSplitOnly)
    {
    }

    private static final class Order
    {
        int broker = -1;
        int policy;
        long sentAt;
        boolean acked;
        boolean filled;
        boolean rejected;
        boolean failed;
        long ackAt;
        long firstFillAt;
        long notional;
    }

    private BrokerComparison()
    {
    }

    /**
     * @param directory   the journal.
     * @param fromNanos   orders sent at or after (epoch nanos; Long.MIN_VALUE for all).
     * @param toNanos     orders sent before.
     * @param abSplitOnly count only orders routed by the weighted split.
     * @param names       broker names by id; where it is shorter, the names the journal gives them.
     * @return the report.
     */
    public static Report fromJournal(final Path directory, final long fromNanos, final long toNanos,
        final boolean abSplitOnly, final List<String> names)
    {
        final JournalLayout layout = JournalLayout.read(directory);
        final RoutingConfig routing = layout.routing();
        final Long2ObjectHashMap<Order> orders = new Long2ObjectHashMap<>();
        try (JournalReader reader = new JournalReader(directory))
        {
            reader.readAll(new JournalAdapter(new JournalListener()
            {
                @Override
                public void onOrderRouted(final long sequence, final long timestamp, final long orderId,
                    final int brokerId, final int policy)
                {
                    orders.computeIfAbsent(orderId, k -> new Order()).policy = policy;
                }

                @Override
                public void onOrderSent(
                    final long sequence, final long timestamp, final long orderId, final int brokerId,
                    final int command, final String clientOrderId)
                {
                    if (command == CommandKind.NEW.code())
                    {
                        final Order o = orders.computeIfAbsent(orderId, k -> new Order());
                        o.broker = brokerId;
                        o.sentAt = timestamp;
                    }
                }

                @Override
                public void onBrokerAck(
                    final long sequence, final long timestamp, final long orderId, final int brokerId,
                    final long brokerOrderId, final int state)
                {
                    final Order o = orders.get(orderId);
                    if (o != null && !o.acked)
                    {
                        o.acked = true;
                        o.ackAt = timestamp;
                    }
                }

                @Override
                public void onBrokerReject(
                    final long sequence, final long timestamp, final long orderId, final int brokerId,
                    final int command, final int reason, final int brokerCode, final int state,
                    final boolean fromReconciliation)
                {
                    final Order o = orders.get(orderId);
                    if (o != null && command == CommandKind.NEW.code())
                    {
                        final RejectReason why = RejectReason.fromCode(reason);
                        if (why == RejectReason.CONNECTION_ERROR || why == RejectReason.SERVICE_UNAVAILABLE
                            || why == RejectReason.AUTHENTICATION_FAILED)
                        {
                            o.failed = true;
                        }
                        else
                        {
                            o.rejected = true;
                        }
                    }
                }

                @Override
                public void onFill(final FillView fill)
                {
                    BrokerComparison.onFill(orders.get(fill.orderId()), fill.timestamp(), fill.lastQuantity(),
                        fill.lastPrice(), fill.fromReconciliation());
                }
            }));
        }
        final int brokers = Math.max(layout.brokers(), 1);
        final List<List<Order>> byBroker = new ArrayList<>();
        for (int b = 0; b < brokers; b++)
        {
            byBroker.add(new ArrayList<>());
        }
        orders.values().forEach(o ->
        {
            if (o.broker >= 0 && o.broker < brokers && o.sentAt >= fromNanos && o.sentAt < toNanos
                && (!abSplitOnly || o.policy == io.ordergateway.core.routing.RoutingPolicy.WEIGHTED_SPLIT.code()))
            {
                byBroker.get(o.broker).add(o);
            }
        });
        final List<Line> lines = new ArrayList<>();
        for (int b = 0; b < brokers; b++)
        {
            final List<Order> list = byBroker.get(b);
            final long[] acks = list.stream().filter(o -> o.acked)
                .mapToLong(o -> Math.max(0, o.ackAt - o.sentAt) / 1_000).sorted().toArray();
            final long[] fills = list.stream().filter(o -> o.filled)
                .mapToLong(o -> Math.max(0, o.firstFillAt - o.sentAt) / 1_000).sorted()
                .toArray();
            final long notional = list.stream().mapToLong(o -> o.notional).sum();
            final long costBps = routing != null && b < routing.costBps().size() ? routing.costBps().get(b) : 0;
            lines.add(new Line(b, b < names.size() ? names.get(b) : layout.brokerName(b), list.size(), acks.length,
                list.stream().filter(o -> o.filled).count(), list.stream().filter(o -> o.rejected).count(),
                list.stream().filter(o -> o.failed).count(), acks, fills, notional,
                ScaledMath.multiplyDivide(notional, costBps, 10_000L * 10_000L)));
        }
        return judge(lines, abSplitOnly);
    }

    private static void onFill(final Order o, final long timestamp, final long qty, final long price,
        final boolean reconciled)
    {
        if (o == null || reconciled)
        {
            return;
        }
        if (!o.filled)
        {
            o.filled = true;
            o.firstFillAt = timestamp;
        }
        o.notional += ScaledMath.notional(qty, price);
    }

    /**
     * Compares the lines metric by metric.
     *
     * @param lines       per broker.
     * @param abSplitOnly whether the lines count only the A/B split.
     * @return the report.
     */
    public static Report judge(final List<Line> lines, final boolean abSplitOnly)
    {
        final List<Line> active = lines.stream().filter(l -> l.sent() > 0).toList();
        final List<Verdict> verdicts = new ArrayList<>();
        final List<String> advice = new ArrayList<>();
        if (active.size() < 2)
        {
            advice.add(active.isEmpty() ? "No orders in the period: nothing to compare."
                : "Only " + active.get(0).name() + " received orders in the period: nothing to compare it with.");
            return new Report(lines, verdicts, advice, abSplitOnly);
        }
        verdicts.add(latency("ack latency p50", active, true));
        verdicts.add(latency("fill latency p50", active, false));
        verdicts.add(rate("fill rate", active, true));
        verdicts.add(rate("reject rate", active, false));
        final Line cheapest =
            active.stream().min((a, b) -> Double.compare(costPerNotional(a), costPerNotional(b))).orElseThrow();
        final boolean costs = active.stream().anyMatch(l -> l.cost() > 0);
        verdicts.add(new Verdict("cost", costs ? cheapest.name() : null, Double.NaN, costs
            ? cheapest.name() + " costs least per dollar traded (configured costs, no test needed)"
            : "no costs configured"));
        for (final Verdict v : verdicts)
        {
            if (v.winner() != null && !v.metric().equals("cost"))
            {
                advice.add("Prefer " + v.winner() + " for " + v.metric() + ": " + v.summary() + ".");
            }
        }
        final long significant =
            verdicts.stream().filter(v -> v.winner() != null && !v.metric().equals("cost")).map(Verdict::winner)
            .distinct()
            .count();
        if (significant == 0)
        {
            advice.add("No significant difference between the brokers on this sample: keep the split and collect "
                + "more orders.");
        }
        else if (significant == 1)
        {
            final String best = verdicts.stream().filter(v -> v.winner() != null && !v.metric().equals("cost"))
                .findFirst().orElseThrow().winner();
            advice.add("Every significant difference favours " + best
                + ": consider routing more to it (best execution, or a larger weight).");
        }
        else
        {
            advice.add("The brokers win on different metrics: weigh latency against fill and reject rates for this "
                + "strategy.");
        }
        return new Report(lines, verdicts, advice, abSplitOnly);
    }

    private static double costPerNotional(final Line l)
    {
        return l.notional() == 0 ? Double.MAX_VALUE : l.cost() / (double)l.notional();
    }

    private static Verdict latency(final String metric, final List<Line> lines, final boolean ack)
    {
        final List<Line> sorted = lines.stream().filter(l -> (ack ? l.ackMicros() : l.fillMicros()).length > 0)
            .sorted((a, b) -> Long.compare(Line.quantile(ack ? a.ackMicros() : a.fillMicros(), 0.5),
                Line.quantile(ack ? b.ackMicros() : b.fillMicros(), 0.5)))
            .toList();
        if (sorted.size() < 2)
        {
            return new Verdict(metric, null, Double.NaN, "not enough data");
        }
        final Line best = sorted.get(0);
        final Line next = sorted.get(1);
        final long[] a = ack ? best.ackMicros() : best.fillMicros();
        final long[] b = ack ? next.ackMicros() : next.fillMicros();
        final double p = Significance.mannWhitney(a, b);
        final String text = String.format(Locale.ROOT, "%s %d us vs %s %d us (Mann-Whitney p %s)", best.name(),
            Line.quantile(a, 0.5), next.name(), Line.quantile(b, 0.5), p(p));
        return new Verdict(metric, p < ALPHA ? best.name() : null, p, text);
    }

    private static Verdict rate(final String metric, final List<Line> lines, final boolean higherIsBetter)
    {
        final List<Line> sorted = lines.stream().sorted((a, b) -> higherIsBetter
            ? Double.compare(b.fillRate(), a.fillRate()) : Double.compare(a.rejectRate(), b.rejectRate())).toList();
        final Line best = sorted.get(0);
        final Line next = sorted.get(1);
        final double p = higherIsBetter
            ? Significance.twoProportion(best.filled(), best.sent(), next.filled(), next.sent())
            : Significance.twoProportion(best.rejected(), best.sent(), next.rejected(), next.sent());
        final double rb = higherIsBetter ? best.fillRate() : best.rejectRate();
        final double rn = higherIsBetter ? next.fillRate() : next.rejectRate();
        final String text = String.format(Locale.ROOT, "%s %.1f%% vs %s %.1f%% (two-proportion p %s)", best.name(), rb
            * 100, next.name(), rn * 100, p(p));
        return new Verdict(metric, p < ALPHA && rb != rn ? best.name() : null, p, text);
    }

    private static String p(final double p)
    {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /**
     * @param report a report.
     * @return it as text: the table, the verdicts, the advice.
     */
    public static String render(final Report report)
    {
        final StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-12s %7s %7s %9s %9s %9s %10s %10s %10s %8s %8s %14s %10s%n", "broker",
            "sent", "acked", "ack p50us", "ack p95us", "ack p99us", "fill p50us", "fill p95us", "fill p99us", "fill %",
            "reject %", "notional", "cost"));
        for (final Line l : report.lines())
        {
            out.append(String.format(Locale.ROOT, "%-12s %7d %7d %9s %9s %9s %10s %10s %10s %8.1f %8.1f %14s %10s%n",
                l.name(), l.sent(), l.acknowledged(), q(l.ackMicros(), 0.5), q(l.ackMicros(), 0.95),
                q(l.ackMicros(), 0.99), q(l.fillMicros(), 0.5), q(l.fillMicros(), 0.95), q(l.fillMicros(), 0.99),
                l.fillRate() * 100, l.rejectRate() * 100,
                FixedPoint.formatPrice(l.notional() - l.notional() % (FixedPoint.PRICE_SCALE / 100)),
                FixedPoint.formatPrice(l.cost() - l.cost() % (FixedPoint.PRICE_SCALE / 100))));
        }
        out.append(report.abSplitOnly() ? "(orders of the A/B split only)\n" : "");
        out.append('\n');
        for (final Verdict v : report.verdicts())
        {
            out.append(String.format(Locale.ROOT, "  %-17s %-14s %s%n", v.metric(), v.winner() == null ? "no winner"
                : "winner " + v.winner(), v.summary()));
        }
        out.append('\n');
        report.recommendations().forEach(r -> out.append("  - ").append(r).append('\n'));
        return out.toString();
    }

    private static String q(final long[] micros, final double quantile)
    {
        return micros.length == 0 ? "-" : Long.toString(Line.quantile(micros, quantile));
    }

}
