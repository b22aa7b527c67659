package io.ordergateway.runtime.admin;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of refusals makes at most one warning a minute per kind, and the next says how many were quiet.
 */
class RefusalLogTest
{
    @Test
    void atMostOneWarningPerKindPerMinute()
    {
        final AtomicLong now = new AtomicLong(1_000);
        final List<String> lines = new ArrayList<>();
        final RefusalLog log = new RefusalLog(now::get, lines::add);
        for (int i = 0; i < 1_000; i++)
        {
            log.refused(RefusalLog.Kind.CONNECTION_CAP, "/10.0.0.1:5000", "64 connections are open already");
        }
        log.refused(RefusalLog.Kind.FOREIGN_HOST, null, "header Host: 'evil.example'");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("admin endpoint refused a connection over the cap from /10.0.0.1:5000: "
            + "64 connections are open already; at most one such warning a minute");

        now.addAndGet(TimeUnit.SECONDS.toNanos(59));
        log.refused(RefusalLog.Kind.CONNECTION_CAP, null, "again");
        assertThat(lines).hasSize(2);
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        log.refused(RefusalLog.Kind.CONNECTION_CAP, null, "again");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).contains("(and 1000 more of this kind since the last warning)");
    }
}
