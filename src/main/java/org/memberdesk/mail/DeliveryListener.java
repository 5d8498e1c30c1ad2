package org.memberdesk.mail;

/** Told about the dispatcher's progress; called on the dispatcher's thread, so keep it short. */
@FunctionalInterface
public interface DeliveryListener {
    void onDelivery(DeliveryEvent event);
}
