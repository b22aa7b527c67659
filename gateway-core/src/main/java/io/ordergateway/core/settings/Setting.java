package io.ordergateway.core.settings;

/**
 * Every setting of a gateway, by the name the builder gives it. A {@link SettingProblem} says which
 * of them it is about, so a front end can name the setting its own way (the configuration loader
 * maps each to its path in the YAML file, with a switch the compiler checks is complete).
 */
public enum Setting
{
    /** The instance id ({@code instanceId}). */
    INSTANCE_ID("instanceId"),
    /** The instruments, in symbol id order ({@code instruments}; {@code instruments[2].calendar}). */
    INSTRUMENTS("instruments"),
    /** The brokers, in broker id order ({@code brokers}). */
    BROKERS("brokers"),
    /** Pre-trade risk limits ({@code riskLimits}). */
    RISK_LIMITS("riskLimits"),
    /** The account throttle ({@code accountRateLimit.ratePerSecond}, {@code accountRateLimit.burst}). */
    ACCOUNT_RATE_LIMIT("accountRateLimit"),
    /** The strategy throttle ({@code strategyRateLimit.ratePerSecond}, {@code strategyRateLimit.burst}). */
    STRATEGY_RATE_LIMIT("strategyRateLimit"),
    /** The symbol throttle ({@code symbolRateLimit.ratePerSecond}, {@code symbolRateLimit.burst}). */
    SYMBOL_RATE_LIMIT("symbolRateLimit"),
    /** Routing and failover ({@code routing}; {@code routing.weights}...). */
    ROUTING("routing"),
    /** Ring slots ({@code ringSize}). */
    RING_SIZE("ringSize"),
    /** How agents are put on threads ({@code threadingMode}). */
    THREADING_MODE("threadingMode"),
    /** How stages are grouped onto threads ({@code topology}). */
    TOPOLOGY("topology"),
    /** How stage threads wait ({@code waitStrategy}). */
    WAIT_STRATEGY("waitStrategy"),
    /** The journal directory ({@code journalDirectory}). */
    JOURNAL_DIRECTORY("journalDirectory"),
    /** How often the journal starts a new file ({@code journalRollCycle}). */
    JOURNAL_ROLL_CYCLE("journalRollCycle"),
    /** When a journaled record counts as kept ({@code journalDurability}). */
    JOURNAL_DURABILITY("journalDurability"),
    /** Where live counters are published ({@code countersFile}). */
    COUNTERS_FILE("countersFile"),
    /** Whether reports are queued for polling, and where they go when not ({@code polling}). */
    POLLING("polling"),
    /** The size of the poll queue ({@code pollQueueBytes}). */
    POLL_QUEUE_BYTES("pollQueueBytes"),
    /** Order book presizing ({@code orderCapacity.expectedOpenOrders}, {@code orderCapacity.retainFinishedOrders}). */
    ORDER_CAPACITY("orderCapacity"),
    /** How long close waits for the ring to drain ({@code closeTimeoutMillis}). */
    CLOSE_TIMEOUT("closeTimeoutMillis"),
    /** How long start-up reconciliation waits for each broker ({@code reconcileTimeoutMillis}). */
    RECONCILE_TIMEOUT("reconcileTimeoutMillis"),
    /** The clock events are stamped with ({@code clock}). */
    CLOCK("clock");

    private final String key;

    Setting(final String key)
    {
        this.key = key;
    }

    /**
     * @return the builder's name for the setting ({@code ringSize}).
     */
    public String key()
    {
        return key;
    }
}
