package com.servicecraft.assignment;

/** An active assignment as it applies to one trainee: set for them directly or for one of their groups. */
public record UserAssignment(long userId, Assignment assignment) {
}
