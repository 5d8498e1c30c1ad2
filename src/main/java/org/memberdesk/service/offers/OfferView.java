package org.memberdesk.service.offers;

import java.util.UUID;
import org.memberdesk.domain.Offer;

public record OfferView(UUID id, String name, String loginUrl) {

    static OfferView of(Offer offer) {
        return new OfferView(offer.getId(), offer.getName(), offer.getLoginUrl());
    }
}
