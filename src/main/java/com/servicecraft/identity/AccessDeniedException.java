package com.servicecraft.identity;

/** Thrown by a service when the signed-in user may not do what was asked; shown as 403. */
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
