package io.ordergateway.core.settings;

import java.util.List;

/**
 * The outcome of a run-time settings change.
 *
 * @param accepted true when the change entered the ring (it takes effect as the event passes each stage).
 * @param version  the version it became, or the version still in force when refused.
 * @param problems why it was refused (empty when accepted).
 */
public record SettingsResult(boolean accepted, int version, List<String> problems)
{
    /**
     * Copies the problems.
     */
    public SettingsResult
    {
        problems = List.copyOf(problems);
    }
}
