package com.servicecraft.identity;

import com.servicecraft.shared.Language;

/** The fields of a user that an administrator edits and an import supplies. */
public record UserProfile(String username, String employeeNumber, String displayName, String email,
                          Department department, String jobTitle, Language language) {
}
