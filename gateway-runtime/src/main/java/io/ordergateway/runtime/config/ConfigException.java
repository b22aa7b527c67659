package io.ordergateway.runtime.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A configuration that cannot be used: every problem found, each with its path in the file and
 * what was expected. The message lists them all, one per line.
 */
public final class ConfigException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    /**
     * @param origin   the file (or another name for where the text came from).
     * @param problems what is wrong.
     */
    public ConfigException(final Path origin, final List<String> problems)
    {
        super("configuration " + origin + " has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
            + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * @return each problem, as "path: what is wrong; expected ...".
     */
    public List<String> problems()
    {
        return problems;
    }
}
