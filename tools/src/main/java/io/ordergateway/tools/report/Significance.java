package io.ordergateway.tools.report;

import java.util.Arrays;

/**
 * The two tests the broker comparison uses: Mann-Whitney U for latencies (no assumption about their
 * distribution, which is long-tailed), and a two-proportion z-test for rates (fill, reject). Both
 * two-sided, normal approximation (the samples are large); p-values from the standard normal.
 */
public final class Significance
{
    private Significance()
    {
    }

    /**
     * Mann-Whitney U test, with the tie correction.
     *
     * @param a one sample.
     * @param b the other.
     * @return the two-sided p-value (1 when a sample is empty or all values tie).
     */
    public static double mannWhitney(final long[] a, final long[] b)
    {
        final int n1 = a.length;
        final int n2 = b.length;
        if (n1 == 0 || n2 == 0)
        {
            return 1.0;
        }
        final int n = n1 + n2;
        final long[] all = new long[n];
        final boolean[] fromA = new boolean[n];
        final Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
            all[i] = i < n1 ? a[i] : b[i - n1];
            fromA[i] = i < n1;
        }
        Arrays.sort(order, (x, y) -> Long.compare(all[x], all[y]));
        double rankSumA = 0;
        double tieTerm = 0;
        int i = 0;
        while (i < n)
        {
            int j = i;
            while (j + 1 < n && all[order[j + 1]] == all[order[i]])
            {
                j++;
            }
            final double rank = (i + j) / 2.0 + 1; // average rank of the tie group
            for (int k = i; k <= j; k++)
            {
                if (fromA[order[k]])
                {
                    rankSumA += rank;
                }
            }
            final double t = j - i + 1;
            tieTerm += t * t * t - t;
            i = j + 1;
        }
        final double u = rankSumA - n1 * (n1 + 1) / 2.0;
        final double mean = n1 * (double)n2 / 2.0;
        final double variance = n1 * (double)n2 / 12.0 * ((n + 1) - tieTerm / (n * (double)(n - 1)));
        if (variance <= 0)
        {
            return 1.0;
        }
        return twoSided((u - mean) / Math.sqrt(variance));
    }

    /**
     * Two-proportion z-test.
     *
     * @param x1 successes in the first sample.
     * @param n1 size of the first sample.
     * @param x2 successes in the second.
     * @param n2 size of the second.
     * @return the two-sided p-value (1 when a sample is empty or the pooled rate is 0 or 1).
     */
    public static double twoProportion(final long x1, final long n1, final long x2, final long n2)
    {
        if (n1 == 0 || n2 == 0)
        {
            return 1.0;
        }
        final double p = (x1 + x2) / (double)(n1 + n2);
        final double se = Math.sqrt(p * (1 - p) * (1.0 / n1 + 1.0 / n2));
        if (se == 0)
        {
            return 1.0;
        }
        return twoSided((x1 / (double)n1 - x2 / (double)n2) / se);
    }

    private static double twoSided(final double z)
    {
        return Math.min(1.0, 2 * (1 - normalCdf(Math.abs(z))));
    }

    /**
     * @param x a value.
     * @return the standard normal CDF at x (Zelen and Severo, 26.2.17: error below 7.5e-8).
     */
    static double normalCdf(final double x)
    {
        if (x < 0)
        {
            return 1 - normalCdf(-x);
        }
        final double t = 1 / (1 + 0.2316419 * x);
        final double poly = t
            * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        return 1 - Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI) * poly;
    }
}
