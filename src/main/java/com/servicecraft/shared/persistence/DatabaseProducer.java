package com.servicecraft.shared.persistence;

import com.servicecraft.shared.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** Opens the database once per application and closes it at shutdown. */
@ApplicationScoped
public class DatabaseProducer {

    @Produces
    @ApplicationScoped
    Database database() {
        return Database.open(Settings.current().database());
    }

    void close(@Disposes Database database) {
        database.close();
    }

    @Produces
    @ApplicationScoped
    Transactions transactions(Database database) {
        return new Transactions(database.entityManagerFactory());
    }

    /** Migrate at deploy time rather than on the first request. */
    @edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = {"RV_RETURN_VALUE_IGNORED_NO_SIDE_EFFECT"},
            justification = "Asking for the product name opens the database, which runs the Flyway migrations at deploy time.")
    void startEagerly(@Observes @Initialized(ApplicationScoped.class) Object event, Database database) {
        database.productName();
    }
}
