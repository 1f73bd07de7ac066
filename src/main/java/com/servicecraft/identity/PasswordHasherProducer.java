package com.servicecraft.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The application's password hasher at full strength. */
@ApplicationScoped
public class PasswordHasherProducer {
    @Produces
    @ApplicationScoped
    PasswordHasher hasher() {
        return new PasswordHasher();
    }
}
