package com.servicecraft.certificate;

import com.servicecraft.notification.NotificationKind;
import com.servicecraft.notification.NotificationWriter;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;

import java.time.Clock;
import java.util.Map;

/** Tells the holder that their certificate was issued (in the app and, if they allow it, by mail), once per certificate. */
final class CertificateNotice {
    private final Transactions tx;
    private final NotificationWriter notifications;

    CertificateNotice(Database database, Clock clock) {
        this.tx = new Transactions(database.entityManagerFactory());
        this.notifications = new NotificationWriter(clock);
    }

    void send(long userId, String number) {
        tx.run(em -> notifications.notify(em, userId, NotificationKind.CERTIFICATE_ISSUED, "certificate:" + number,
                Map.of("number", number), "/index.xhtml#certificate"));
    }
}
