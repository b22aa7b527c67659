package io.ordergateway.core.throttle;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest
{
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketLetsTheBurstThroughThenOneTokenPerInterval()
    {
        final TokenBucket bucket = new TokenBucket(10, 3); // 10/s: a token every 100 ms
        final long t0 = 5 * SECOND;
        assertThat(bucket.tryAcquire(t0)).isZero();
        assertThat(bucket.tryAcquire(t0)).isZero();
        assertThat(bucket.tryAcquire(t0)).isZero();
        assertThat(bucket.tryAcquire(t0)).isEqualTo(SECOND / 10); // empty: next token in 100 ms
        assertThat(bucket.tryAcquire(t0 + SECOND / 10 - 1)).isEqualTo(1);
        assertThat(bucket.tryAcquire(t0 + SECOND / 10)).isZero();
        assertThat(bucket.tryAcquire(t0 + SECOND / 10)).isEqualTo(SECOND / 10);
    }

    @Test
    void idleTimeRefillsNoMoreThanTheBurst()
    {
        final TokenBucket bucket = new TokenBucket(1000, 2);
        assertThat(bucket.tryAcquire(0)).isZero();
        final long later = 3600 * SECOND;
        assertThat(bucket.tryAcquire(later)).isZero();
        assertThat(bucket.tryAcquire(later)).isZero();
        assertThat(bucket.tryAcquire(later)).isPositive();
    }

    @Test
    void theSameEventTimesGiveTheSameAnswers()
    {
        final TokenBucket a = new TokenBucket(50, 5);
        final TokenBucket b = new TokenBucket(50, 5);
        for (long t = 0; t < SECOND; t += 7_000_000)
        {
            assertThat(a.tryAcquire(t)).isEqualTo(b.tryAcquire(t));
        }
    }
}
