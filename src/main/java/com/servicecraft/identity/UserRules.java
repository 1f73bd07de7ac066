package com.servicecraft.identity;

import com.servicecraft.shared.UserInputException;

import java.util.regex.Pattern;

/** The rules a user's fields must meet, shared by the admin form and the trainee import. */
public final class UserRules {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9._-]{2,64}$");
    private static final Pattern EMPLOYEE_NUMBER = Pattern.compile("^[A-Za-z0-9._-]{1,32}$");

    private UserRules() {
    }

    public static boolean isEmail(String s) {
        return s != null && s.length() <= 254 && EMAIL.matcher(s.trim()).matches();
    }

    public static boolean isUsername(String s) {
        return s != null && USERNAME.matcher(s.trim()).matches();
    }

    public static boolean isEmployeeNumber(String s) {
        return s != null && EMPLOYEE_NUMBER.matcher(s.trim()).matches();
    }

    public static void checkPassword(String password) {
        if (password == null || password.length() < PasswordHasher.MIN_PASSWORD_LENGTH) {
            throw new UserInputException("password.tooShort", PasswordHasher.MIN_PASSWORD_LENGTH);
        }
        if (password.length() > 200) {
            throw new UserInputException("password.tooLong");
        }
    }

    /** Checks a form's own fields; uniqueness is checked against the database by the service. */
    public static void check(UserForm f) {
        if (!isUsername(f.getUsername())) {
            throw new UserInputException("user.badUsername");
        }
        if (!isEmployeeNumber(f.getEmployeeNumber())) {
            throw new UserInputException("user.badEmployeeNumber");
        }
        if (blank(f.getDisplayName()) || f.getDisplayName().length() > 120) {
            throw new UserInputException("user.nameRequired");
        }
        if (!isEmail(f.getEmail())) {
            throw new UserInputException("user.badEmail");
        }
        if (f.getRoles() == null || f.getRoles().isEmpty()) {
            throw new UserInputException("user.roleRequired");
        }
        if (f.getLanguage() == null) {
            throw new UserInputException("user.languageRequired");
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
