package com.servicecraft.identity;

/** A line of the user list. */
public record UserRow(Long id, String username, String employeeNumber, String displayName, String email,
                      String department, String jobTitle, boolean active) {
}
