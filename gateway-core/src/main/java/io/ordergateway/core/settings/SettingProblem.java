package io.ordergateway.core.settings;

/**
 * One thing wrong with a gateway's settings: which setting, which part of it, and why. The reason
 * says what was wrong and what was expected but not where, so each front end puts its own name for
 * the setting in front of the same reason: the builder {@code accountRateLimit.burst: ...}, the
 * configuration file {@code throttles.account.burst: ...}.
 *
 * @param setting the setting.
 * @param detail  the part of it, appended to its name ({@code .burst}, {@code [2].calendar}), or empty.
 * @param reason  what was wrong and what was expected ({@code 0 is out of range; expected a whole number from 1 to
 *                1000000000}).
 */
public record SettingProblem(Setting setting, String detail, String reason)
{
    /**
     * @param setting the setting.
     * @param reason  what was wrong and what was expected.
     * @return a problem with the whole setting.
     */
    public static SettingProblem of(final Setting setting, final String reason)
    {
        return new SettingProblem(setting, "", reason);
    }

    /**
     * Reads a problem that another part's check wrote as one line, {@code routing.weights: reason}
     * (as {@code RoutingConfig.problems} does), as a problem with that setting.
     *
     * @param setting the setting the check is about.
     * @param line    the problem as written.
     * @return the problem; the detail is what the line names after the setting's key, if it starts with it.
     */
    public static SettingProblem parse(final Setting setting, final String line)
    {
        final int colon = line.indexOf(": ");
        if (colon >= setting.key().length() && line.startsWith(setting.key()))
        {
            return new SettingProblem(setting, line.substring(setting.key().length(), colon),
                line.substring(colon + 2));
        }
        return of(setting, line);
    }

    /**
     * @return the builder's name for what is wrong: the setting's key and the detail ({@code accountRateLimit.burst}).
     */
    public String key()
    {
        return setting.key() + detail;
    }

    /**
     * @return {@code key: reason}, the way the builder lists problems.
     */
    @Override
    public String toString()
    {
        return key() + ": " + reason;
    }
}
