package com.servicecraft.identity.importing;

import java.util.ArrayList;
import java.util.List;

/** One data row of an import file, as read, with the problems found in it (bundle keys). */
public class ImportRow implements java.io.Serializable {
    /** The sizes of the columns these fields go to (app_user); the others are checked by their own rules. */
    static final int MAX_DISPLAY_NAME = 120;
    static final int MAX_JOB_TITLE = 120;

    private final int line;
    private final String employeeNumber;
    private final String displayName;
    private final String email;
    private final String department;
    private final String jobTitle;
    private final String language;
    private final String username;
    private final List<String> errors = new ArrayList<>();

    public ImportRow(int line, String employeeNumber, String displayName, String email, String department,
                     String jobTitle, String language, String username) {
        this.line = line;
        this.employeeNumber = clean(employeeNumber);
        this.displayName = clean(displayName);
        this.email = clean(email);
        this.department = clean(department);
        this.jobTitle = clean(jobTitle);
        this.language = clean(language);
        this.username = clean(username);
        // Found in the preview, before the database would refuse the whole import at confirm.
        if (this.displayName != null && this.displayName.length() > MAX_DISPLAY_NAME) {
            errors.add("import.error.nameTooLong");
        }
        if (this.jobTitle != null && this.jobTitle.length() > MAX_JOB_TITLE) {
            errors.add("import.error.jobTitleTooLong");
        }
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    void addError(String key) {
        errors.add(key);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** The user name: given, or else the employee number. */
    public String effectiveUsername() {
        return username != null ? username : employeeNumber;
    }

    public int getLine() { return line; }
    public String getEmployeeNumber() { return employeeNumber; }
    public String getDisplayName() { return displayName; }
    public String getEmail() { return email; }
    public String getDepartment() { return department; }
    public String getJobTitle() { return jobTitle; }
    public String getLanguage() { return language; }
    public String getUsername() { return username; }
    public List<String> getErrors() { return List.copyOf(errors); }
}
