package org.memberdesk.domain;

/** Events that workflows can start from; stored with the change that caused them. */
public enum TriggerType implements Coded {
    OFFER_ACCESS_GRANTED, TAG_ADDED, REPEATED_FAILED_LOGINS, MANUAL;
}
