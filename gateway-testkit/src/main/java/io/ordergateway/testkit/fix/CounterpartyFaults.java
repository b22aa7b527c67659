package io.ordergateway.testkit.fix;

/**
 * The faults a test or the operator turns on at the counterparty; read by the acceptor's and the engine's
 * threads.
 */
final class CounterpartyFaults
{
    volatile boolean refuseLogon;
    volatile boolean swallowAnswers;
    volatile boolean rejectCancels;
    volatile boolean answerStatusRequests = true;
}
