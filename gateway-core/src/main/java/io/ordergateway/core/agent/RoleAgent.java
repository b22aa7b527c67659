package io.ordergateway.core.agent;

import org.agrona.concurrent.Agent;

/**
 * An agent under the name of the thread that runs it ({@code AgentRunner} names a thread after its
 * agent's role).
 */
final class RoleAgent implements Agent
{
    private final String roleName;
    private final Agent agent;

    RoleAgent(final String roleName, final Agent agent)
    {
        this.roleName = roleName;
        this.agent = agent;
    }

    @Override
    public void onStart()
    {
        agent.onStart();
    }

    @Override
    public int doWork() throws Exception
    {
        return agent.doWork();
    }

    @Override
    public void onClose()
    {
        agent.onClose();
    }

    @Override
    public String roleName()
    {
        return roleName;
    }
}
