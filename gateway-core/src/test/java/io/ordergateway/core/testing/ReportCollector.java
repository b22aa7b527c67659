package io.ordergateway.core.testing;

import io.ordergateway.core.agent.ThreadingMode;
import io.ordergateway.core.api.ExecutionReport;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.ReportType;
import io.ordergateway.core.domain.OrderState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Polls a gateway's reports into copies, and waits until a condition on them holds: with a
 * deadline ({@link Await#until}) while the gateway's threads run, or by invoking its agents in
 * INVOKER mode.
 */
public final class ReportCollector
{
    /** One report, copied. */
    public record Report(ReportType type, long orderId, OrderState state, long lastQty, long lastPrice, long cumQty,
        long leavesQty,
                  long avgPrice, String text)
    {
    }

    private final OrderGateway gateway;
    private final List<Report> reports = new ArrayList<>();

    public ReportCollector(final OrderGateway gateway)
    {
        this.gateway = gateway;
    }

    public void pollOnce()
    {
        gateway.poll(this::copy, 1024);
    }

    private void copy(final ExecutionReport r)
    {
        reports.add(new Report(r.type(), r.orderId(), r.state(), r.lastQuantity(), r.lastPrice(), r.cumQuantity(),
            r.leavesQuantity(), r.avgPrice(), r.toString()));
    }

    /**
     * Polls until the reports so far satisfy the condition: by invoking the gateway's agents in
     * INVOKER mode, else waiting for its threads with a deadline.
     */
    public List<Report> awaitUntil(final Predicate<List<Report>> condition, final Duration timeout)
    {
        final BooleanSupplier met = () ->
        {
            pollOnce();
            return condition.test(reports);
        };
        if (gateway.threadingMode() == ThreadingMode.INVOKER)
        {
            Await.invoking(gateway.invoker(), "a condition on the reports", met);
        }
        else
        {
            Await.until("a condition on the reports", met, timeout,
                () -> "reports so far:\n" + String.join("\n", reports.stream().map(Report::text).toList()));
        }
        return reports;
    }

    public Report awaitFinal(final long orderId, final Duration timeout)
    {
        awaitUntil(list -> list.stream()
            .anyMatch(r -> r.orderId() == orderId && r.state() != null && r.state().isTerminal()), timeout);
        return last(orderId);
    }

    public Report awaitState(final long orderId, final OrderState state, final Duration timeout)
    {
        awaitUntil(list -> list.stream().anyMatch(r -> r.orderId() == orderId && r.state() == state), timeout);
        return last(orderId);
    }

    public Report last(final long orderId)
    {
        Report last = null;
        for (final Report r : reports)
        {
            if (r.orderId() == orderId)
            {
                last = r;
            }
        }
        return last;
    }

    public List<Report> of(final long orderId)
    {
        return reports.stream().filter(r -> r.orderId() == orderId).toList();
    }

    public List<Report> all()
    {
        return reports;
    }
}
