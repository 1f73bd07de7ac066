package com.servicecraft.identity;

/** What a person may do. A user can hold several roles. */
public enum Role {
    TRAINEE, TRAINER, HR, ADMIN
}
