package io.ordergateway.tools.report;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The significance tests against known values, and the comparison naming a winner only where the
 * difference is real.
 */
class BrokerComparisonTest
{
    @Test
    void mannWhitneyMatchesAKnownCaseAndSeesNoDifferenceBetweenTheSameDistribution()
    {
        // Two clearly separated samples: p tiny. Identical samples: p 1.
        assertThat(Significance.mannWhitney(new long[] {1, 2, 3, 4, 5, 6, 7, 8},
            new long[] {9, 10, 11, 12, 13, 14, 15, 16})).isLessThan(0.001);
        assertThat(Significance.mannWhitney(new long[] {5, 5, 5}, new long[] {5, 5, 5})).isEqualTo(1.0);
        // n1 = n2 = 10, U = 19: z = -2.3434, two-sided normal-approximation p = 0.01911
        final long[] a = {1, 2, 3, 4, 6, 8, 9, 12, 13, 16};
        final long[] b = {5, 7, 10, 11, 14, 15, 17, 18, 19, 20};
        assertThat(Significance.mannWhitney(a, b)).isCloseTo(0.01911, Offset.offset(0.0005));
        final SplittableRandom r = new SplittableRandom(1);
        final long[] x = LongStream.range(0, 2000).map(i -> r.nextLong(1000)).toArray();
        final long[] y = LongStream.range(0, 2000).map(i -> r.nextLong(1000)).toArray();
        assertThat(Significance.mannWhitney(x, y)).isGreaterThan(0.05);
    }

    @Test
    void twoProportionMatchesAKnownCase()
    {
        // 45/100 vs 30/100: z = 2.1909, p = 0.02846
        assertThat(Significance.twoProportion(45, 100, 30, 100)).isCloseTo(0.02846, Offset.offset(0.0005));
        assertThat(Significance.twoProportion(50, 100, 50, 100)).isCloseTo(1.0, Offset.offset(1e-6));
        assertThat(Significance.normalCdf(1.96)).isCloseTo(0.975, Offset.offset(1e-4));
    }

    private static BrokerComparison.Line
        line(final String name, final long sent, final long filled, final long rejected, final long medianMicros,
        final long seed)
    {
        final SplittableRandom r = new SplittableRandom(seed);
        final long[] acks = LongStream.range(0, sent - rejected).map(i -> medianMicros / 2 + r.nextLong(medianMicros))
            .sorted().toArray();
        return new BrokerComparison.Line(0, name, sent, acks.length, filled, rejected, 0, acks, acks.clone(),
            1_000_000_000_000L, 0);
    }

    @Test
    void aWinnerIsNamedOnlyWhereTheDifferenceIsSignificant()
    {
        final BrokerComparison.Report report = BrokerComparison.judge(List.of(
            line("fast", 2000, 1900, 20, 200, 1),
            line("slow", 2000, 1890, 22, 800, 2)), false);
        assertThat(report.verdicts()).filteredOn(v -> v.metric().equals("ack latency p50")).singleElement()
            .satisfies(v -> assertThat(v.winner()).isEqualTo("fast"));
        assertThat(report.verdicts()).filteredOn(v -> v.metric().equals("fill rate")).singleElement()
            .satisfies(v -> assertThat(v.winner()).isNull()); // 95.0% vs 94.5%: not significant on 2000 orders
        assertThat(report.recommendations()).anyMatch(r -> r.contains("Prefer fast for ack latency p50"));
        assertThat(BrokerComparison.render(report)).contains("fast").contains("winner fast").contains("no winner");
    }
}
