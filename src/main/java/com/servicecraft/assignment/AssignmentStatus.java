package com.servicecraft.assignment;

/** An assignment is ACTIVE until withdrawn; a withdrawn one stays as history. */
public enum AssignmentStatus {
    ACTIVE, WITHDRAWN
}
