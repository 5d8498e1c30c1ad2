package org.memberdesk.domain;

/** Who or what caused an email or an action. */
public enum Origin implements Coded {
    AGENT, WORKFLOW, SELF_SERVICE, SYSTEM;
}
