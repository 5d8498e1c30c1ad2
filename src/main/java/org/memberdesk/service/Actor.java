package org.memberdesk.service;

import java.util.Objects;
import org.memberdesk.domain.Origin;

/** Who performs an action: an agent by name, a workflow by name, the contact (self-service) or the system. */
public record Actor(Origin origin, String name) {

    public Actor {
        Objects.requireNonNull(origin);
        Objects.requireNonNull(name);
    }

    public static Actor agent(String name) {
        return new Actor(Origin.AGENT, name);
    }

    public static Actor workflow(String workflowName) {
        return new Actor(Origin.WORKFLOW, workflowName);
    }

    public static Actor selfService() {
        return new Actor(Origin.SELF_SERVICE, "self-service");
    }

    public static Actor system() {
        return new Actor(Origin.SYSTEM, "system");
    }

    /** The agent name for this machine: MEMBERDESK_AGENT, or else the OS user. */
    public static Actor localAgent() {
        String name = System.getenv("MEMBERDESK_AGENT");
        if (name == null || name.isBlank()) {
            name = System.getProperty("user.name", "agent");
        }
        return agent(name.trim());
    }

    public String label() {
        return switch (origin) {
            case AGENT -> name;
            case WORKFLOW -> "workflow " + name;
            case SELF_SERVICE -> "self-service";
            case SYSTEM -> "system";
        };
    }
}
