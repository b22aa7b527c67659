package io.ordergateway.core.api;

/**
 * Receives execution reports, either from {@link OrderGateway#poll} on the strategy's thread or as
 * the gateway's listener on the egress stage's thread. Must not block; must not keep the report.
 */
@FunctionalInterface
public interface ExecutionReportHandler
{
    /**
     * @param report the report, valid only during the call.
     */
    void onReport(ExecutionReport report);
}
