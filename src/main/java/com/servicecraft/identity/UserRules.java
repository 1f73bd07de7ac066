package com.servicecraft.identity;

import com.servicecraft.shared.FieldProblem;
import com.servicecraft.shared.LogSafe;
import com.servicecraft.shared.UserInputException;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * True when a text holds a control character such as CR or LF, which has no place in a name
     * (display name; user names allow only letters, digits and {@code ._-} anyway) and could forge log lines.
     */
    public static boolean hasControlCharacters(String s) {
        return LogSafe.hasControlCharacters(s);
    }

    /**
     * Checks a form's own fields and names every one at fault (field paths are the form's property
     * names: {@code username}, {@code employeeNumber}, …); uniqueness is checked by the service.
     */
    public static void check(UserForm f) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!isUsername(f.getUsername())) {
            problems.add(new FieldProblem("username", "user.badUsername"));
        }
        if (!isEmployeeNumber(f.getEmployeeNumber())) {
            problems.add(new FieldProblem("employeeNumber", "user.badEmployeeNumber"));
        }
        if (blank(f.getDisplayName()) || f.getDisplayName().length() > 120) {
            problems.add(new FieldProblem("displayName", "user.nameRequired"));
        } else if (hasControlCharacters(f.getDisplayName())) {
            problems.add(new FieldProblem("displayName", "user.displayNameControl"));
        }
        if (!isEmail(f.getEmail())) {
            problems.add(new FieldProblem("email", "user.badEmail"));
        }
        if (f.getRoles() == null || f.getRoles().isEmpty()) {
            problems.add(new FieldProblem("roles", "user.roleRequired"));
        }
        if (f.getLanguage() == null) {
            problems.add(new FieldProblem("language", "user.languageRequired"));
        }
        if (!problems.isEmpty()) {
            throw new UserInputException(problems);
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
