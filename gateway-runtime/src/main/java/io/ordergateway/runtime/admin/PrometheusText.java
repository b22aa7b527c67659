package io.ordergateway.runtime.admin;

import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.metrics.GatewayMetrics;
import io.ordergateway.core.metrics.LatencyRecorder;
import io.ordergateway.core.routing.ExecutionStatus;

import java.util.List;
import java.util.Locale;

/**
 * Prometheus's text exposition format (version 0.0.4) of a gateway's metrics.
 */
final class PrometheusText
{
    private PrometheusText()
    {
    }

    static String render(final OrderGateway gateway)
    {
        final StringBuilder out = new StringBuilder(8192);
        final GatewayMetrics m = gateway.metrics();
        for (final GatewayMetrics.Counter c : GatewayMetrics.Counter.values())
        {
            final String metric = "gateway_" + c.name().toLowerCase(Locale.ROOT) + "_total";
            header(out, metric, "counter", "Gateway " + c.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " since start");
            out.append(metric).append(' ').append(m.get(c)).append('\n');
        }
        header(out, "gateway_denied_by_reason_total", "counter", "Commands denied by the gateway, by reason");
        for (final RejectReason r : RejectReason.values())
        {
            out.append("gateway_denied_by_reason_total{reason=\"").append(r.name()).append("\"} ")
                .append(m.deniedCount(r)).append('\n');
        }
        final List<String> names = gateway.brokerNames();
        for (final GatewayMetrics.BrokerCounter c : GatewayMetrics.BrokerCounter.values())
        {
            final String metric = "gateway_broker_" + c.name().toLowerCase(Locale.ROOT) + "_total";
            header(out, metric, "counter", "Per broker: " + c.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (c == GatewayMetrics.BrokerCounter.FILLED_QUANTITY ? " (units)"
                : c == GatewayMetrics.BrokerCounter.FILLED_NOTIONAL ? " (dollars)" : ""));
            for (int b = 0; b < names.size(); b++)
            {
                final long v = m.get(b, c);
                out.append(metric).append("{broker=\"").append(names.get(b)).append("\"} ");
                if (c == GatewayMetrics.BrokerCounter.FILLED_QUANTITY)
                {
                    out.append(v / (double)io.ordergateway.journal.FixedPoint.QUANTITY_SCALE);
                }
                else if (c == GatewayMetrics.BrokerCounter.FILLED_NOTIONAL)
                {
                    out.append(v / (double)io.ordergateway.journal.FixedPoint.PRICE_SCALE);
                }
                else
                {
                    out.append(v);
                }
                out.append('\n');
            }
        }
        header(out, "gateway_alerts_total", "counter", "Events operators are alerted to, by kind");
        out.append("gateway_alerts_total{kind=\"broker_switch\"} ").append(gateway.alerts().brokerSwitches())
            .append('\n');
        out.append("gateway_alerts_total{kind=\"pause\"} ").append(gateway.alerts().pauses()).append('\n');
        out.append("gateway_alerts_total{kind=\"kill_switch\"} ").append(gateway.alerts().killSwitchChanges())
            .append('\n');
        out.append("gateway_alerts_total{kind=\"reports_backlog\"} ").append(gateway.alerts().reportsBacklogs())
            .append('\n');
        out.append("gateway_alerts_total{kind=\"reconciliation_difference\"} ")
            .append(gateway.alerts().reconciliationDifferences())
            .append('\n');
        final ExecutionStatus s = gateway.executionStatus();
        header(out, "gateway_paused", "gauge", "1 when no broker can take orders");
        out.append("gateway_paused ").append(s != null && s.paused() ? 1 : 0).append('\n');
        header(out, "gateway_broker_up", "gauge", "1 when the broker's adapter reports itself healthy");
        for (int b = 0; b < names.size(); b++)
        {
            out.append("gateway_broker_up{broker=\"").append(names.get(b)).append("\"} ")
                .append(gateway.brokerHealth(b) == BrokerHealth.HEALTHY ? 1 : 0).append('\n');
        }
        if (s != null)
        {
            header(out, "gateway_broker_active", "gauge", "1 for the failover chain's active broker");
            s.brokers().forEach(b -> out.append("gateway_broker_active{broker=\"").append(b.name()).append("\"} ")
                .append("ACTIVE".equals(b.role()) ? 1 : 0).append('\n'));
            header(out, "gateway_broker_breaker_state", "gauge", "Circuit breaker: 0 closed, 1 half-open, 2 open");
            s.brokers().forEach(b ->
                out.append("gateway_broker_breaker_state{broker=\"").append(b.name()).append("\"} ")
                .append("OPEN".equals(b.breaker()) ? 2 : "HALF_OPEN".equals(b.breaker()) ? 1 : 0).append('\n'));
            header(out, "gateway_broker_consecutive_failures", "gauge",
                "Definite failures since the broker's last answer");
            s.brokers().forEach(b ->
                out.append("gateway_broker_consecutive_failures{broker=\"").append(b.name()).append("\"} ")
                .append(b.consecutiveFailures()).append('\n'));
            header(out, "gateway_broker_availability_ratio", "gauge", "Share of ticks the broker could take orders");
            s.brokers().forEach(b ->
                out.append("gateway_broker_availability_ratio{broker=\"").append(b.name()).append("\"} ")
                .append(b.availability()).append('\n'));
        }
        accounts(out, gateway.brokerAccounts().latest());
        header(out, "gateway_latency_seconds", "summary", "Latency per stage and broker (since start)");
        summary(out, m.submitToSend(), "stage=\"submit_to_send\"");
        summary(out, m.submitToAck(), "stage=\"submit_to_ack\"");
        for (int b = 0; b < names.size(); b++)
        {
            summary(out, m.submitToAck(b), "stage=\"submit_to_ack\",broker=\"" + names.get(b) + "\"");
            summary(out, m.submitToFirstFill(b), "stage=\"submit_to_first_fill\",broker=\"" + names.get(b) + "\"");
        }
        return out.toString();
    }

    private static void header(final StringBuilder out, final String metric, final String type, final String help)
    {
        out.append("# HELP ").append(metric).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(metric).append(' ').append(type).append('\n');
    }

    private static final double[] QUANTILES = {50, 90, 99, 99.9};

    private static void summary(final StringBuilder out, final LatencyRecorder recorder, final String labels)
    {
        final long[] values = new long[QUANTILES.length];
        final long count = recorder.percentiles(QUANTILES, values); // no histogram copy per scrape
        for (int i = 0; i < QUANTILES.length; i++)
        {
            out.append("gateway_latency_seconds{").append(labels).append(",quantile=\"").append(QUANTILES[i] / 100)
                .append("\"} ")
                .append(count == 0 ? "NaN" : Double.toString(values[i] / 1e9)).append('\n');
        }
        out.append("gateway_latency_seconds_count{").append(labels).append("} ").append(count).append('\n');
        out.append("gateway_latency_seconds_sum{").append(labels).append("} ")
            .append(count == 0 ? 0.0 : recorder.mean() * count / 1e9)
            .append('\n');
    }

    /**
     * Each broker's money as the running reconciliation last asked it (values the broker did not give
     * are left out).
     */
    private static void accounts(final StringBuilder out,
        final java.util.List<io.ordergateway.core.broker.BrokerAccount> accounts)
    {
        if (accounts.isEmpty())
        {
            return;
        }
        final String[][] gauges = {{"gateway_broker_cash", "Cash at the broker"},
            {"gateway_broker_buying_power", "Buying power at the broker"},
            {"gateway_broker_equity", "Equity at the broker"}};
        for (int k = 0; k < gauges.length; k++)
        {
            header(out, gauges[k][0], "gauge", gauges[k][1] + " (last reconciliation pass), in its currency");
            for (final io.ordergateway.core.broker.BrokerAccount a : accounts)
            {
                final long value = k == 0 ? a.cash() : k == 1 ? a.buyingPower() : a.equity();
                if (value != io.ordergateway.journal.FixedPoint.NULL)
                {
                    out.append(gauges[k][0]).append("{broker=\"").append(a.broker()).append("\",currency=\"")
                        .append(a.currency()).append("\"} ").append(io.ordergateway.journal.FixedPoint
                        .formatPrice(value)).append('\n');
                }
            }
        }
    }
}
